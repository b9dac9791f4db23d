import { conflict, invalid } from "@/lib/errors";
import type { Tx } from "@/lib/db/tx";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { NO_PASSWORD_SSO, NO_PASSWORD_YET } from "@/lib/auth/credential-tokens";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /**
   * null: an invited account, which gets a password only through its invitation link; "sso": an
   * account made at its first single sign-on, which has none until an administrator's reset link.
   */
  password: string | null | { sso: true };
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
  const problem = typeof input.password === "string" ? passwordProblem(input.password) : null;
  if (problem) throw invalid(problem, "password");
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw conflict(`An account with the email ${email} already exists.`);
  }
  const user = await tx.user.create({
    data: {
      email,
      name: input.name,
      role: input.role,
      passwordHash:
        input.password === null
          ? NO_PASSWORD_YET
          : typeof input.password === "string"
            ? await hashPassword(input.password)
            : NO_PASSWORD_SSO,
      accessExpiresAt: input.role === "auditor" ? input.accessExpiresAt : null,
    },
  });
  await recordActivity(tx, actor, {
    action: "user.create",
    entityType: "user",
    entityId: user.id,
    summary: `Created ${input.role} account ${email} (${how})${input.password === null ? ", awaiting its invitation" : ""}`,
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
