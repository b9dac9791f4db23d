// Decides a sign-in attempt: lockout, password, deactivation, auditor expiry. Every
// outcome is written to the activity log in the same transaction as the counter change.
// Open to anyone (no actor, no capability): this is how an actor comes to be.
import { db } from "@/lib/db";
import { recordActivity, type ActivityActor, type ActivityEntry } from "@/lib/activity/record";
import { CLEARED, afterFailure, lockedUntil, type LockoutState } from "./lockout";
import { addressFailures, mayRecord, unknownEmailHashing } from "./throttle";
import { burnVerification, verifyPassword } from "./password";
import { auditorAccessOpen } from "./access";
import type { UserActor } from "./actor";
import type { SessionUser } from "./types";

export type LoginOutcome =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | {
      ok: false;
      code: "invalid" | "locked" | "expired" | "inactive" | "throttled";
      until?: Date;
    };

/** Transactions taking the user's row lock queue behind parallel sign-ins: wait, not fail. */
const LOCK_QUEUE = { maxWait: 15_000, timeout: 15_000 };

/** A security event outside any change: recorded, but rate-limited per key so it cannot flood. */
async function recordLimited(key: string, actor: ActivityActor, entry: ActivityEntry) {
  if (!mayRecord(key)) return;
  await (await db()).$transaction((tx) => recordActivity(tx, actor, entry));
}

export async function attemptLogin(
  rawEmail: string,
  password: string,
  now = new Date(),
  /** The client address (null: no network caller, e.g. a test), for the per-address throttle. */
  address: string | null = null,
): Promise<LoginOutcome> {
  const prisma = await db();
  const email = rawEmail.trim().toLowerCase();
  // Per address, beside the per-account lockout: guessing across many accounts is slowed too.
  if (address !== null && addressFailures.full(address, now.getTime())) {
    await recordLimited(
      `throttled:${address}`,
      { id: null, email },
      {
        action: "auth.throttled",
        entityType: "address",
        entityId: address,
        summary: `Sign-in refused without checking: too many failed sign-ins from ${address ?? "an unknown address"}`,
      },
    );
    return { ok: false, code: "throttled" };
  }
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    // Costs as much as a wrong password, but never more than two hashes at once.
    await unknownEmailHashing.tryRun(() => burnVerification(password));
    if (address !== null) addressFailures.take(address, now.getTime());
    await recordLimited(
      `unknown:${address ?? "-"}`,
      { id: null, email: email.slice(0, 320) },
      {
        action: "auth.login_failed",
        entityType: "user",
        summary: `Failed sign-in for unknown account ${email.slice(0, 320)} from ${address ?? "an unknown address"}`,
      },
    );
    return { ok: false, code: "invalid" };
  }
  const actor = { id: user.id, email: user.email };
  const locked = lockedUntil(user, now);
  if (locked) {
    await recordLimited(`locked:${user.id}`, actor, {
      action: "auth.login_locked",
      entityType: "user",
      entityId: user.id,
      summary: `Sign-in attempt for ${user.email} while locked (until ${locked.toISOString()}) from ${address ?? "an unknown address"}`,
    });
    return { ok: false, code: "locked", until: locked };
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    if (address !== null) addressFailures.take(address, now.getTime());
    // Counted on the row as it is now, under a row lock: parallel failures each count once,
    // and none can reset or skip a lock another one has just set.
    const next = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<LockoutState[]>`
        SELECT failed_logins AS "failedLogins", first_failed_at AS "firstFailedAt",
               locked_until AS "lockedUntil"
        FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
      const current = row ?? user;
      const already = lockedUntil(current, now);
      if (already) return { ...current, lockedUntil: already, counted: false };
      const state = afterFailure(current, now);
      await tx.user.update({ where: { id: user.id }, data: state });
      await recordActivity(tx, actor, {
        action: state.lockedUntil ? "auth.locked" : "auth.login_failed",
        entityType: "user",
        entityId: user.id,
        summary: state.lockedUntil
          ? `Account ${user.email} locked until ${state.lockedUntil.toISOString()} after repeated failed sign-ins`
          : `Failed sign-in for ${user.email} from ${address ?? "an unknown address"}`,
      });
      return { ...state, counted: true };
    }, LOCK_QUEUE);
    return next.lockedUntil
      ? { ok: false, code: "locked", until: next.lockedUntil }
      : { ok: false, code: "invalid" };
  }

  const refusal = !user.active ? "inactive" : !auditorAccessOpen(user, now) ? "expired" : null;
  const lockedMeanwhile = await prisma.$transaction(async (tx) => {
    // A parallel wrong password may have locked the account since it was read: that lock holds.
    const [row] = await tx.$queryRaw<Pick<LockoutState, "lockedUntil">[]>`
      SELECT locked_until AS "lockedUntil" FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const lock = row ? lockedUntil({ ...CLEARED, lockedUntil: row.lockedUntil }, now) : null;
    if (lock) return lock;
    await tx.user.update({
      where: { id: user.id },
      data: refusal ? {} : { ...CLEARED, lastLoginAt: now },
    });
    await recordActivity(tx, actor, {
      action: refusal ? "auth.login_refused" : "auth.login",
      entityType: "user",
      entityId: user.id,
      summary: refusal
        ? `Sign-in refused for ${user.email}: account ${refusal === "inactive" ? "deactivated" : "access expired"}`
        : `${user.email} signed in`,
    });
    return null;
  }, LOCK_QUEUE);
  if (lockedMeanwhile) return { ok: false, code: "locked", until: lockedMeanwhile };
  if (refusal) return { ok: false, code: refusal };
  return {
    ok: true,
    sessionVersion: user.sessionVersion,
    user: {
      kind: "user",
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      accessExpiresAt: user.accessExpiresAt,
    },
  };
}

/** Records a sign-out; the session itself is ended by next-auth. Open to the signed-in user. */
export async function recordSignOut(user: UserActor): Promise<void> {
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, user, {
      action: "auth.logout",
      entityType: "user",
      entityId: user.id,
      summary: `${user.email} signed out`,
    }),
  );
}
