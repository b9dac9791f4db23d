// The last step of every sign-in (password, password + second factor, passkey, single sign-on):
// refuse a deactivated or expired account, or one locked meanwhile; otherwise clear the
// failure counter and record the sign-in with how it was made.
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { User } from "@/lib/generated/prisma/client";
import { CLEARED, lockedUntil, type LockoutState } from "./lockout";
import { auditorAccessOpen } from "./access";
import { LOCK_QUEUE } from "./failure-count";
import type { SessionUser } from "./types";

export type SignInMethod =
  | "password"
  | "password + TOTP"
  | "password + recovery code"
  | "password + passkey"
  | "passkey"
  | "single sign-on";

export type FinishOutcome =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; code: "locked" | "expired" | "inactive"; until?: Date };

export function refusalOf(user: User, now: Date): "inactive" | "expired" | null {
  return !user.active ? "inactive" : !auditorAccessOpen(user, now) ? "expired" : null;
}

export async function finishSignIn(
  user: User,
  now: Date,
  method: SignInMethod,
): Promise<FinishOutcome> {
  const refusal = refusalOf(user, now);
  const lockedMeanwhile = await (
    await db()
  ).$transaction(async (tx) => {
    // A parallel wrong password may have locked the account since it was read: that lock holds.
    const [row] = await tx.$queryRaw<Pick<LockoutState, "lockedUntil">[]>`
      SELECT locked_until AS "lockedUntil" FROM users WHERE id = ${user.id}::uuid FOR UPDATE`;
    const lock = row ? lockedUntil({ ...CLEARED, lockedUntil: row.lockedUntil }, now) : null;
    if (lock) return lock;
    await tx.user.update({
      where: { id: user.id },
      data: refusal ? {} : { ...CLEARED, lastLoginAt: now },
    });
    await recordActivity(
      tx,
      { id: user.id, email: user.email },
      {
        action: refusal ? "auth.login_refused" : "auth.login",
        entityType: "user",
        entityId: user.id,
        summary: refusal
          ? `Sign-in refused for ${user.email}: account ${refusal === "inactive" ? "deactivated" : "access expired"}`
          : method === "password"
            ? `${user.email} signed in`
            : `${user.email} signed in (${method})`,
      },
    );
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
