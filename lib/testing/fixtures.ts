import { db } from "@/lib/db";
import { addDays } from "@/lib/dates";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { insertUser } from "@/lib/users/insert-user";
import type { SessionUser } from "@/lib/auth/types";
import type { Role } from "@/lib/generated/prisma/enums";

let n = 0;

/** Creates an account straight through the shared insert path and returns it as a session user. */
export async function makeUser(
  role: Role,
  opts: { expires?: Date | null; password?: string } = {},
): Promise<SessionUser & { password: string }> {
  n += 1;
  const password = opts.password ?? `correct horse battery ${n}`;
  const email = `${role}${n}-${Date.now()}@example.test`;
  const prisma = await db();
  const accessExpiresAt =
    role === "auditor"
      ? opts.expires === undefined
        ? addDays(new Date(), 1)
        : opts.expires
      : null;
  const id = await prisma.$transaction((tx) =>
    insertUser(
      tx,
      SYSTEM_ACTOR,
      { email, name: `${role} ${n}`, role, password, accessExpiresAt },
      "test",
    ),
  );
  return { kind: "user", id, email, name: `${role} ${n}`, role, accessExpiresAt, password };
}
