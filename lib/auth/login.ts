// Decides a sign-in attempt: lockout, password, deactivation, auditor expiry. Every
// outcome is written to the activity log in the same transaction as the counter change.
// Open to anyone (no actor, no capability): this is how an actor comes to be.
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { CLEARED, afterFailure, lockedUntil } from "./lockout";
import { burnVerification, verifyPassword } from "./password";
import { auditorAccessOpen } from "./access";
import type { UserActor } from "./actor";
import type { SessionUser } from "./types";

export type LoginOutcome =
  | { ok: true; user: SessionUser }
  | { ok: false; code: "invalid" | "locked" | "expired" | "inactive"; until?: Date };

export async function attemptLogin(
  rawEmail: string,
  password: string,
  now = new Date(),
): Promise<LoginOutcome> {
  const prisma = await db();
  const email = rawEmail.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await burnVerification(password);
    return { ok: false, code: "invalid" };
  }
  const actor = { id: user.id, email: user.email };
  const locked = lockedUntil(user, now);
  if (locked) return { ok: false, code: "locked", until: locked };

  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = afterFailure(user, now);
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: next });
      await recordActivity(tx, actor, {
        action: next.lockedUntil ? "auth.locked" : "auth.login_failed",
        entityType: "user",
        entityId: user.id,
        summary: next.lockedUntil
          ? `Account ${user.email} locked until ${next.lockedUntil.toISOString()} after repeated failed sign-ins`
          : `Failed sign-in for ${user.email}`,
      });
    });
    return next.lockedUntil
      ? { ok: false, code: "locked", until: next.lockedUntil }
      : { ok: false, code: "invalid" };
  }

  const refusal = !user.active ? "inactive" : !auditorAccessOpen(user, now) ? "expired" : null;
  await prisma.$transaction(async (tx) => {
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
  });
  if (refusal) return { ok: false, code: refusal };
  return {
    ok: true,
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
