import { DAY_MS, addDays } from "@/lib/dates";

/**
 * The instant evidence stops counting: an explicit expiry date, or evidence date + renewal
 * interval. `at` makes the Date of the latter (a computation's sharedDates, to share it).
 */
export function resolveExpiry(
  e: {
    evidenceDate: Date;
    expiresOn: Date | null;
    renewalDays: number | null;
  },
  at?: (ms: number) => Date,
): Date | null {
  if (e.expiresOn) return e.expiresOn;
  if (e.renewalDays)
    return at
      ? at(e.evidenceDate.getTime() + e.renewalDays * DAY_MS)
      : addDays(e.evidenceDate, e.renewalDays);
  return null;
}
