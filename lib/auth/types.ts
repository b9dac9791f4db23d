import type { Role } from "@/lib/generated/prisma/enums";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  accessExpiresAt: Date | null;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Compliance officer (admin)",
  engineer: "Engineer",
  auditor: "Auditor (read-only)",
};
