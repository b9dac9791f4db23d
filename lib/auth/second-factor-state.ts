// Whether an account has a second factor, and whether its role requires one it lacks. Read at
// sign-in and on every page and action (no actor: these decide what an actor may do at all).
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { policyForRole } from "./role-policy";

export async function hasSecondFactor(userId: string): Promise<boolean> {
  const prisma = await db();
  const [user, passkeys] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }),
    prisma.passkey.count({ where: { userId } }),
  ]);
  return !!user?.totpEnabledAt || passkeys > 0;
}

/** True when the user's role requires a second factor and the user has none yet. */
export async function enrolmentRequired(user: { id: string; role: Role }): Promise<boolean> {
  const policy = await policyForRole(user.role);
  return policy.requireSecondFactor && !(await hasSecondFactor(user.id));
}

/** Where a user who must enrol is sent before anything else. */
export const ENROLMENT_PATH = "/account/second-factor";
