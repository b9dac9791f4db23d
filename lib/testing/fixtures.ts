import { db } from "@/lib/db";
import { addDays, isoDay } from "@/lib/dates";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { insertUser } from "@/lib/users/insert-user";
import { createControl } from "@/lib/controls/controls";
import type { ControlInput } from "@/lib/controls/schemas";
import { createToken, type NewToken } from "@/lib/collectors/tokens";
import { createEvidence, type CreatedEvidence } from "@/lib/evidence/evidence";
import { evidenceSchema } from "@/lib/evidence/schemas";
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

/**
 * Creates a control through the app's own path. Only the title and criteria are required; the
 * rest defaults to an implemented control with no owner, description or locations.
 */
export function makeControl(
  actor: SessionUser,
  fields: Pick<ControlInput, "title" | "criteria"> & Partial<ControlInput>,
): Promise<{ id: string; ref: string }> {
  return createControl(actor, {
    description: "",
    ownerId: null,
    implementation: "implemented",
    naJustification: null,
    locations: [],
    ...fields,
  });
}

/** Creates an API token (scope test-results unless told otherwise) and returns its secret. */
export function makeToken(
  actor: SessionUser,
  input: Partial<NewToken> = {},
): Promise<{ id: string; token: string }> {
  n += 1;
  return createToken(actor, {
    name: `test token ${n}-${Date.now()}`,
    scopes: ["test-results"],
    ...input,
  });
}

/** Creates a note evidence item (in review) linked to the given controls, dated today by default. */
export function makeNoteEvidence(
  actor: SessionUser,
  fields: {
    title: string;
    body: string;
    controls: string[];
    evidenceDate?: string;
    expiresOn?: string;
  },
): Promise<CreatedEvidence> {
  return createEvidence(
    actor,
    evidenceSchema.parse({ kind: "note", evidenceDate: isoDay(new Date()), ...fields }),
    null,
  );
}
