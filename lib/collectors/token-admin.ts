import "server-only";
import { db } from "@/lib/db";
import { ADMINS, assertRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/types";
import { listTokens } from "./tokens";

export async function listApiTokens(actor: SessionUser | null) {
  assertRole(actor, ADMINS, "manage API tokens");
  return listTokens(await db());
}
