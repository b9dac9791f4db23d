// Decides a sign-in attempt: lockout, password, deactivation, auditor expiry. Every
// outcome is written to the activity log in the same transaction as the counter change.
// Open to anyone (no actor, no capability): this is how an actor comes to be.
import { db } from "@/lib/db";
import { recordActivity, type ActivityActor, type ActivityEntry } from "@/lib/activity/record";
import { lockedUntil } from "./lockout";
import { addressFailures, mayRecord, unknownEmailHashing } from "./throttle";
import { burnVerification, verifyPassword } from "./password";
import { countFailure } from "./failure-count";
import { finishSignIn, refusalOf } from "./finish-sign-in";
import { hasSecondFactor } from "./second-factor-state";
import { passwordSignInAllowed } from "./sso-policy";
import type { UserActor } from "./actor";
import type { SessionUser } from "./types";
import { cutText } from "@/lib/validation/storable";

export type LoginOutcome =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | {
      ok: false;
      code: "invalid" | "locked" | "expired" | "inactive" | "throttled" | "sso_only";
      until?: Date;
    }
  /** The password was right; the second factor (lib/auth/second-factor-sign-in.ts) is next. */
  | { ok: false; code: "second_factor"; userId: string };

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
      { id: null, email: cutText(email, 320) },
      {
        action: "auth.login_failed",
        entityType: "user",
        summary: `Failed sign-in for unknown account ${cutText(email, 320)} from ${address ?? "an unknown address"}`,
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
    const next = await countFailure(
      user,
      now,
      `Failed sign-in for ${user.email} from ${address ?? "an unknown address"}`,
    );
    return next.lockedUntil
      ? { ok: false, code: "locked", until: next.lockedUntil }
      : { ok: false, code: "invalid" };
  }

  // Issue 11: a role may be limited to single sign-on (break-glass admins excepted), and an
  // account with a second factor is only half-way signed in after its password.
  if (refusalOf(user, now) === null) {
    if (!(await passwordSignInAllowed(user))) {
      await recordLimited(`sso-only:${user.id}`, actor, {
        action: "auth.login_refused",
        entityType: "user",
        entityId: user.id,
        summary: `Password sign-in refused for ${user.email}: the ${user.role} role signs in with single sign-on`,
      });
      return { ok: false, code: "sso_only" };
    }
    if (await hasSecondFactor(user.id))
      return { ok: false, code: "second_factor", userId: user.id };
  }
  return finishSignIn(user, now, "password");
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
