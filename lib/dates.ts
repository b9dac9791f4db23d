// Calendar arithmetic in UTC, in one place: evidence dates, audit periods, expiry days and
// chart buckets are all whole UTC days.

export const DAY_MS = 86_400_000;

/** The start of the UTC day of an instant, in epoch milliseconds (startOfUtcDay without a Date). */
export const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** "2026-11-30" for the UTC day of an instant. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
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
