// Per role: must its users have a second factor, and may they sign in with a password once
// single sign-on is configured. Roles without a row use the defaults (no, yes).
import { db, type Tx } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { invalid } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";
import { authorize } from "./authorize";
import { breakGlassEmails, oidcConfigured } from "./oidc-config";

export interface RolePolicyView {
  role: Role;
  requireSecondFactor: boolean;
  passwordSignIn: boolean;
}

const DEFAULT = { requireSecondFactor: false, passwordSignIn: true };

/** The policy of one role, for sign-in and session checks (no actor: this is how one comes to be). */
export async function policyForRole(role: Role, tx?: Tx): Promise<RolePolicyView> {
  const row = await (tx ?? (await db())).rolePolicy.findUnique({ where: { role } });
  return {
    role,
    ...DEFAULT,
    ...(row
      ? { requireSecondFactor: row.requireSecondFactor, passwordSignIn: row.passwordSignIn }
      : {}),
  };
}

export async function listRolePolicies(actor: Actor | null): Promise<RolePolicyView[]> {
  authorize(actor, "users.manage");
  const rows = await (await db()).rolePolicy.findMany();
  return Object.values(Role).map((role) => {
    const row = rows.find((r) => r.role === role);
    return {
      role,
      requireSecondFactor: row?.requireSecondFactor ?? DEFAULT.requireSecondFactor,
      passwordSignIn: row?.passwordSignIn ?? DEFAULT.passwordSignIn,
    };
  });
}

export async function setRolePolicy(
  actor: Actor | null,
  input: RolePolicyView,
): Promise<RolePolicyView> {
  authorize(actor, "users.manage");
  if (!input.passwordSignIn) {
    if (!oidcConfigured())
      throw invalid(
        "Password sign-in can only be turned off once single sign-on is configured.",
        "passwordSignIn",
      );
    if (input.role === "admin" && breakGlassEmails().length === 0)
      throw invalid(
        "Name a break-glass administrator in TRUSTBOARD_SSO_BREAK_GLASS before turning off password sign-in for admins.",
        "passwordSignIn",
      );
  }
  return (await db()).$transaction(async (tx) => {
    const before = await tx.rolePolicy.findUnique({ where: { role: input.role } });
    const data = {
      requireSecondFactor: input.requireSecondFactor,
      passwordSignIn: input.passwordSignIn,
    };
    await tx.rolePolicy.upsert({
      where: { role: input.role },
      create: { role: input.role, ...data },
      update: data,
    });
    await recordActivity(tx, actor, {
      action: "role_policy.update",
      entityType: "role",
      entityId: input.role,
      summary: `Sign-in policy for ${input.role}: second factor ${data.requireSecondFactor ? "required" : "optional"}, password sign-in ${data.passwordSignIn ? "allowed" : "off (single sign-on only)"}`,
      before: before
        ? { requireSecondFactor: before.requireSecondFactor, passwordSignIn: before.passwordSignIn }
        : DEFAULT,
      after: data,
    });
    return input;
  });
}
