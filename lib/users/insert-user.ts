import { conflict } from "@/lib/errors";
import type { Tx } from "@/lib/db/tx";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import { hashPassword } from "@/lib/auth/password";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  accessExpiresAt: Date | null;
}

/** The one place accounts are created (UI, setup page, CLI, start-up), always logged. */
export async function insertUser(
  tx: Tx,
  actor: ActivityActor,
  input: NewUser,
  how: string,
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw conflict(`An account with the email ${email} already exists.`);
  }
  const user = await tx.user.create({
    data: {
      email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      accessExpiresAt: input.role === "auditor" ? input.accessExpiresAt : null,
    },
  });
  await recordActivity(tx, actor, {
    action: "user.create",
    entityType: "user",
    entityId: user.id,
    summary: `Created ${input.role} account ${email} (${how})`,
    after: {
      email,
      name: user.name,
      role: user.role,
      accessExpiresAt: user.accessExpiresAt,
      active: true,
    },
  });
  return user.id;
}
