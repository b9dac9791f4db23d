import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "./types";

/** An error whose message is meant for the user (validation, permission, conflict). */
export class UserError extends Error {}

export class ForbiddenError extends UserError {}

/** Every data-layer function that changes or reveals something calls this itself. */
export function assertRole(
  user: SessionUser | null,
  roles: readonly Role[],
  what: string,
): asserts user is SessionUser {
  if (!user) throw new ForbiddenError("Your session has ended. Sign in again.");
  if (!roles.includes(user.role)) {
    throw new ForbiddenError(`Your role (${user.role}) is not allowed to ${what}.`);
  }
}

export const WRITERS: readonly Role[] = ["admin", "engineer"];
export const ADMINS: readonly Role[] = ["admin"];
export const READERS: readonly Role[] = ["admin", "engineer", "auditor"];
