import "server-only";
// What a signed-in person does to their own account (change the password, end their sessions)
// and what an administrator may do to anyone's sessions. Raising the session version ends every
// session issued under the old one (lib/auth/session-version.ts).
import { authorize } from "@/lib/auth/authorize";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, invalid, notFound } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { isoClock } from "@/lib/dates";
import { CLEARED, afterFailure, lockedUntil, type LockoutState } from "@/lib/auth/lockout";
import { hasOwnPassword } from "@/lib/auth/credential-tokens";

export const NO_OWN_PASSWORD_MESSAGE =
  "This account has no password: it signs in by single sign-on. An administrator can send you a reset link to set one.";

function ownAccount(actor: Actor): UserActor {
  if (actor.kind !== "user") throw invalid("This needs a signed-in account.");
  return actor;
}

/** Whether the signed-in account has a password of its own to change (not an SSO-made account). */
export async function ownPasswordExists(actor: Actor | null): Promise<boolean> {
  authorize(actor, "account.manage");
  const me = ownAccount(actor);
  const row = await (
    await db()
  ).user.findUnique({ where: { id: me.id }, select: { passwordHash: true } });
  return row !== null && hasOwnPassword(row.passwordHash);
}

/**
 * Changes the signed-in user's password after checking the current one. Wrong current passwords
 * count toward the account's sign-in lockout, so a left-open session cannot be used to guess it.
 * Every other session ends; the caller renews its own to the returned version.
 */
export async function changeOwnPassword(
  actor: Actor | null,
  input: { current: string; password: string },
  now = new Date(),
): Promise<{ sessionVersion: number }> {
  authorize(actor, "account.manage");
  const me = ownAccount(actor);
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem, "password");
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { id: me.id },
    select: { passwordHash: true, failedLogins: true, firstFailedAt: true, lockedUntil: true },
  });
  if (!user) throw notFound("That account no longer exists.");
  // Refused before any guess is counted: no "current password" exists to be wrong about.
  if (!hasOwnPassword(user.passwordHash)) throw invalid(NO_OWN_PASSWORD_MESSAGE, "current");
  const locked = lockedUntil(user, now);
  if (locked)
    throw new AppError(
      "rate_limited",
      `Too many wrong passwords: your account is locked until ${isoClock(locked)} UTC; try again then.`,
    );
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    const lockedNow = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<LockoutState[]>`
        SELECT failed_logins AS "failedLogins", first_failed_at AS "firstFailedAt",
               locked_until AS "lockedUntil"
        FROM users WHERE id = ${me.id}::uuid FOR UPDATE`;
      const state = afterFailure(row ?? user, now);
      await tx.user.update({ where: { id: me.id }, data: state });
      await recordActivity(tx, me, {
        action: "password.change_failed",
        entityType: "user",
        entityId: me.id,
        summary: `Password change refused for ${me.email}: wrong current password${state.lockedUntil ? `; account locked until ${state.lockedUntil.toISOString()}` : ""}`,
      });
      return state.lockedUntil;
    });
    // The attempt that locks the account says so: the next one, right or wrong, is refused.
    if (lockedNow)
      throw new AppError(
        "rate_limited",
        `That is not your current password. Too many wrong passwords: your account is locked until ${isoClock(lockedNow)} UTC, for signing in too.`,
      );
    throw invalid("That is not your current password.", "current");
  }
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: me.id },
      // Knowing the password clears earlier wrong attempts, as a successful sign-in does.
      data: { passwordHash, sessionVersion: { increment: 1 }, ...CLEARED },
      select: { sessionVersion: true },
    });
    // An open reset link would undo the change: it is spent with the old password.
    await tx.credentialToken.updateMany({
      where: { userId: me.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordActivity(tx, me, {
      action: "password.change",
      entityType: "user",
      entityId: me.id,
      summary: `${me.email} changed their password; every other session ended`,
    });
    return updated;
  });
}

/**
 * Ends every session of an account, the caller's own included when it is theirs. One's own
 * account needs `account.manage`; anyone else's `users.manage`.
 */
export async function endAllSessions(actor: Actor | null, userId: string): Promise<number> {
  const own = actor?.kind === "user" && actor.id === userId;
  authorize(actor, own ? "account.manage" : "users.manage");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw notFound("That account no longer exists.");
    const { sessionVersion } = await tx.user.update({
      where: { id: userId },
      data: { sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordActivity(tx, actor, {
      action: "session.revoke_all",
      entityType: "user",
      entityId: userId,
      summary: own ? `${user.email} signed out everywhere` : `Ended every session of ${user.email}`,
    });
    return sessionVersion;
  });
}
