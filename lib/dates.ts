// Calendar arithmetic in UTC, in one place: evidence dates, audit periods, expiry days and
// chart buckets are all whole UTC days.

import { isStorableMs } from "@/lib/validation/storable";

export const DAY_MS = 86_400_000;

/** The start of the UTC day of an instant, in epoch milliseconds (startOfUtcDay without a Date). */
export const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** "2026-11-30" for the UTC day of an instant. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * Date#toISOString of an instant from 1970 to 9999 in epoch milliseconds, without a Date: the
 * audit push formats one per event, and the server's wrapped Date costs several times more.
 */
export function isoOfMs(ms: number): string {
  // As toISOString throws on an invalid Date: a wrong value must not become wrong text.
  if (!Number.isInteger(ms) || !isStorableMs(ms))
    throw new RangeError(`isoOfMs: ${ms} is not an instant from 1970 to 9999`);
  const day = Math.floor(ms / DAY_MS);
  let t = ms - day * DAY_MS;
  // Civil date from days since 1970-01-01 (H. Hinnant's days_to_civil; 400-year eras).
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const msPart = t % 1000;
  t = (t - msPart) / 1000;
  const sec = t % 60;
  t = (t - sec) / 60;
  const min = t % 60;
  const hour = (t - min) / 60;
  const msText = msPart < 10 ? `00${msPart}` : msPart < 100 ? `0${msPart}` : `${msPart}`;
  return `${y}-${pad2(m)}-${pad2(d)}T${pad2(hour)}:${pad2(min)}:${pad2(sec)}.${msText}Z`;
}

/**
 * A maker of Dates that hands out one Date per instant: loaders of a computation whose records
 * share a few hundred days (a year of evidence dates, run days, expiries) allocate each once
 * instead of once per record (Next.js wraps the global Date in the server, so `new Date` costs
 * more there, and every Date is garbage to collect). Callers only read the Dates it returns.
 */
export function sharedDates(): (ms: number) => Date {
  const made = new Map<number, Date>();
  return (ms) => {
    let at = made.get(ms);
    if (at === undefined) {
      at = new Date(ms);
      made.set(ms, at);
    }
    return at;
  };
}

export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The first instant after the UTC day of `at` (exclusive end of that day). */
export function endOfUtcDay(at: Date): Date {
  return new Date(startOfUtcDay(at).getTime() + DAY_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), by UTC day. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / DAY_MS);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses "YYYY-MM-DD" as the start of that UTC day, or null when it is not a real date. */
export function parseIsoDay(day: string): Date | null {
  if (!ISO_DAY.test(day)) return null;
  const at = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(at.getTime()) || isoDay(at) !== day ? null : at;
}

/** "Through 2026-12-31" means up to, not including, the first instant of 2027-01-01 (UTC). */
export function endOfIsoDay(day: string): Date | null {
  const start = parseIsoDay(day);
  return start ? addDays(start, 1) : null;
}

/** "2026-11-30 14:05" (UTC), for timestamps shown in tables and histories. */
export function isoMinute(at: Date): string {
  return at.toISOString().slice(0, 16).replace("T", " ");
}

/** "14:05" (UTC), for a time later today such as the end of a lockout. */
export function isoClock(at: Date): string {
  return at.toISOString().slice(11, 16);
}
