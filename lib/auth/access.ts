import type { Role } from "@/lib/generated/prisma/enums";

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
  const start = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new Error(`Not a date (YYYY-MM-DD): ${day}`);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000);
}

/** The last day of access, for display and forms. */
export function lastAccessDay(expiresAt: Date): string {
  return new Date(expiresAt.getTime() - 1).toISOString().slice(0, 10);
}
