// One failed sign-in step (wrong password, wrong second-factor code) counted on the account's
// row under a row lock: parallel failures each count once, and none can reset or skip a lock
// another one has just set. Shared by the password and the second-factor steps, so wrong codes
// lock the account exactly like wrong passwords.
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { afterFailure, lockedUntil, type LockoutState } from "./lockout";

/** Transactions taking the user's row lock queue behind parallel sign-ins: wait, not fail. */
export const LOCK_QUEUE = { maxWait: 15_000, timeout: 15_000 };

export async function countFailure(
  user: { id: string; email: string } & LockoutState,
  now: Date,
  /** What failed, for the log: "Failed sign-in for …" / "Wrong second-factor code for …". */
  summary: string,
  action = "auth.login_failed",
): Promise<{ lockedUntil: Date | null }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<LockoutState[]>`
      SELECT failed_logins AS "failedLogins", first_failed_at AS "firstFailedAt",
             locked_until AS "lockedUntil"
      FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const current = row ?? user;
    const already = lockedUntil(current, now);
    if (already) return { lockedUntil: already };
    const state = afterFailure(current, now);
    await tx.user.update({ where: { id: user.id }, data: state });
    await recordActivity(
      tx,
      { id: user.id, email: user.email },
      {
        action: state.lockedUntil ? "auth.locked" : action,
        entityType: "user",
        entityId: user.id,
        summary: state.lockedUntil
          ? `Account ${user.email} locked until ${state.lockedUntil.toISOString()} after repeated failed sign-ins`
          : summary,
      },
    );
    return { lockedUntil: state.lockedUntil };
  }, LOCK_QUEUE);
}
