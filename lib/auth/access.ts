import type { Role } from "@/lib/generated/prisma/enums";
import { endOfIsoDay, isoDay } from "@/lib/dates";

/** Auditor access is time-boxed: open only before its expiry instant. Other roles never expire. */
export function auditorAccessOpen(
  user: { role: Role; accessExpiresAt: Date | null },
  now = new Date(),
): boolean {
  if (user.role !== "auditor") return true;
  return user.accessExpiresAt !== null && user.accessExpiresAt > now;
}

/** "--expires 2026-12-31" means access through the end of that day (UTC). */
export function expiryFromDate(day: string): Date {
  const end = endOfIsoDay(day);
  if (!end) throw new Error(`Not a date (YYYY-MM-DD): ${day}`);
  return end;
}

/** The last day of access, for display and forms. */
export function lastAccessDay(expiresAt: Date): string {
  return isoDay(new Date(expiresAt.getTime() - 1));
}
