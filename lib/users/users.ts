import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { conflict, invalid, notFound } from "@/lib/errors";
import { db, type Tx } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { expiryFromDate } from "@/lib/auth/access";
import type { Role } from "@/lib/generated/prisma/enums";
import { NO_PASSWORD_YET } from "@/lib/auth/credential-tokens";
import { insertUser } from "./insert-user";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  accessExpiresAt: Date | null;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  /** Invited, and the invitation not used yet: no password of its own. */
  awaitingInvitation: boolean;
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  authorize(actor, "users.manage");
  const rows = await (
    await db()
  ).user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      accessExpiresAt: true,
      lockedUntil: true,
      lastLoginAt: true,
      passwordHash: true,
    },
  });
  // The hash itself never leaves this function.
  return rows.map(({ passwordHash, ...row }) => ({
    ...row,
    awaitingInvitation: passwordHash === NO_PASSWORD_YET,
  }));
}

/** The account with this email (any case), for the command line. */
export async function findUserId(actor: Actor | null, email: string): Promise<string | null> {
  authorize(actor, "users.manage");
  const user = await (
    await db()
  ).user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

/** `how` is what the activity log says about the way the account came to be. */
export async function createUser(
  actor: Actor | null,
  input: { email: string; name: string; role: Role; password: string; expires: string | null },
  how = "by an administrator",
): Promise<string> {
  authorize(actor, "users.manage");
  const prisma = await db();
  return prisma.$transaction((tx) =>
    insertUser(
      tx,
      actor,
      { ...input, accessExpiresAt: input.expires ? expiryFromDate(input.expires) : null },
      how,
    ),
  );
}

const ADMIN_LOCK = 7270002;

/**
 * Inside the transaction that demotes or deactivates an administrator: another active one must
 * remain. The lock serialises such changes, so two concurrent demotions of the last two
 * administrators cannot both see the other one still there.
 */
async function assertAnotherActiveAdmin(tx: Tx, userId: string, message: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK}::bigint)`;
  const others = await tx.user.count({
    where: { role: "admin", active: true, id: { not: userId } },
  });
  if (others === 0) throw conflict(message);
}

export async function updateUserAccess(
  actor: Actor | null,
  input: { id: string; role: Role; expires: string | null },
): Promise<void> {
  authorize(actor, "users.manage");
  const prisma = await db();
  const before = await prisma.user.findUnique({
    where: { id: input.id },
    select: { email: true, role: true, accessExpiresAt: true },
  });
  if (!before) throw notFound("That account no longer exists.");
  const accessExpiresAt =
    input.role === "auditor" && input.expires ? expiryFromDate(input.expires) : null;
  await prisma.$transaction(async (tx) => {
    if (before.role === "admin" && input.role !== "admin")
      await assertAnotherActiveAdmin(
        tx,
        input.id,
        "This is the last active administrator; make someone else an administrator first.",
      );
    await tx.user.update({ where: { id: input.id }, data: { role: input.role, accessExpiresAt } });
    await recordActivity(tx, actor, {
      action: "user.update_access",
      entityType: "user",
      entityId: input.id,
      summary: `Changed access of ${before.email}: ${before.role} → ${input.role}${accessExpiresAt ? `, access until ${input.expires}` : ""}`,
      before: { role: before.role, accessExpiresAt: before.accessExpiresAt },
      after: { role: input.role, accessExpiresAt },
    });
  });
}

/** Accounts are never deleted, so the activity log keeps its actors. */
export async function setUserActive(
  actor: Actor | null,
  id: string,
  active: boolean,
): Promise<void> {
  authorize(actor, "users.manage");
  if (id === actor.id && !active) throw invalid("You cannot deactivate your own account.");
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { id },
    select: { email: true, role: true, active: true },
  });
  if (!user) throw notFound("That account no longer exists.");
  if (user.active === active) return;
  await prisma.$transaction(async (tx) => {
    if (!active && user.role === "admin")
      await assertAnotherActiveAdmin(
        tx,
        id,
        "This is the last active administrator and cannot be deactivated.",
      );
    await tx.user.update({ where: { id }, data: { active } });
    await recordActivity(tx, actor, {
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: id,
      summary: `${active ? "Reactivated" : "Deactivated"} ${user.email}`,
      before: { active: user.active },
      after: { active },
    });
  });
}
