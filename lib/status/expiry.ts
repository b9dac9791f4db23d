import { addDays } from "@/lib/dates";

/** The instant evidence stops counting: an explicit expiry date, or evidence date + renewal interval. */
export function resolveExpiry(e: {
  evidenceDate: Date;
  expiresOn: Date | null;
  renewalDays: number | null;
}): Date | null {
  if (e.expiresOn) return e.expiresOn;
  if (e.renewalDays) return addDays(e.evidenceDate, e.renewalDays);
  return null;
}
