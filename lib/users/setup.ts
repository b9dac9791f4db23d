import "server-only";
import { conflict } from "@/lib/errors";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { insertUser } from "./insert-user";

const SETUP_LOCK = 7270002;

export async function needsSetup(): Promise<boolean> {
  return (await (await db()).user.count()) === 0;
}

/** The one-time first-run path: only while no account exists at all. */
export async function setupFirstAdmin(input: {
  email: string;
  name: string;
  password: string;
}): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK}::bigint)`;
    if ((await tx.user.count()) > 0)
      throw conflict("Trustboard is already set up. Sign in instead.");
    await insertUser(
      tx,
      SYSTEM_ACTOR,
      { ...input, role: "admin", accessExpiresAt: null },
      "first-run setup",
    );
  });
}
