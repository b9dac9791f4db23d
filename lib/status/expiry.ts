/** The instant evidence stops counting: an explicit expiry date, or evidence date + renewal interval. */
export function resolveExpiry(e: {
  evidenceDate: Date;
  expiresOn: Date | null;
  renewalDays: number | null;
}): Date | null {
  if (e.expiresOn) return e.expiresOn;
  if (e.renewalDays) return new Date(e.evidenceDate.getTime() + e.renewalDays * 86_400_000);
  return null;
}
