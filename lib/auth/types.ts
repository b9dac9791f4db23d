import type { Role } from "@/lib/generated/prisma/enums";
import type { UserActor } from "./actor";

/** The signed-in account, as every request sees it. */
export type SessionUser = UserActor;

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Compliance officer (admin)",
  engineer: "Engineer",
  auditor: "Auditor (read-only)",
};
