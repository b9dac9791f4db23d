// Who calls in the authorization matrix, and what the capability table says each of them must get
// at a session door (server actions, session routes) or a token door (token routes). The actors
// cover what must be refused besides a missing capability: an expired auditor, a deactivated
// administrator, anonymous visitors and a revoked token.
import { db } from "@/lib/db";
import type { TokenActor, UserActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/authorize";
import type { Capability } from "@/lib/auth/capabilities";
import { createToken, revokeToken } from "@/lib/collectors/tokens";
import { DAY_MS } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";

export const ACTOR_NAMES = [
  "admin",
  "engineer",
  "auditor",
  "expired auditor",
  "deactivated user",
  "anonymous",
  "ingest token",
  "revoked token",
] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

export interface MatrixActor {
  name: ActorName;
  /** The signed-in account (what auth() returns), with what the database says of it. */
  user: (UserActor & { active: boolean }) | null;
  /** The token sent as Authorization: Bearer, and who the log names for it. */
  token: { secret: string; actor: TokenActor; revoked: boolean } | null;
}

export interface Expectation {
  allowed: boolean;
  /** Who the activity log must name in one access.refuse row; null: no row at all. */
  recordedAs: { id: string | null; email: string } | null;
}

/** Server actions and session routes: only a session counts (a token is no session). */
export function atSessionDoor(capability: Capability | "public", a: MatrixActor): Expectation {
  if (capability === "public") return { allowed: true, recordedAs: null };
  if (!a.user) return { allowed: false, recordedAs: null };
  const allowed = a.user.active && allows(a.user, capability);
  return { allowed, recordedAs: allowed ? null : { id: a.user.id, email: a.user.email } };
}

/** Token routes: only the Bearer token counts (a session is no token). */
export function atTokenDoor(capability: Capability, a: MatrixActor): Expectation {
  if (!a.token) return { allowed: false, recordedAs: null };
  const allowed = !a.token.revoked && allows(a.token.actor, capability);
  const { id, email } = a.token.actor;
  return { allowed, recordedAs: allowed ? null : { id, email } };
}

/** Creates one of each actor; the admin also seeds the matrix's records. */
export async function createMatrixActors() {
  const actors = new Map<ActorName, MatrixActor>();
  const prisma = await db();
  const userActor = async (
    role: "admin" | "engineer" | "auditor",
    opts: { expires?: Date } = {},
  ) => ({ ...(await makeUser(role, opts)), active: true });

  const admin = await userActor("admin");
  actors.set("admin", { name: "admin", user: admin, token: null });
  actors.set("engineer", { name: "engineer", user: await userActor("engineer"), token: null });
  actors.set("auditor", {
    name: "auditor",
    user: await userActor("auditor", { expires: new Date(Date.now() + 30 * DAY_MS) }),
    token: null,
  });
  actors.set("expired auditor", {
    name: "expired auditor",
    user: await userActor("auditor", { expires: new Date(Date.now() - DAY_MS) }),
    token: null,
  });
  // A deactivated administrator: had the role everything, must now be refused everything.
  const deactivated = await userActor("admin");
  await prisma.user.update({ where: { id: deactivated.id }, data: { active: false } });
  actors.set("deactivated user", {
    name: "deactivated user",
    user: { ...deactivated, active: false },
    token: null,
  });
  actors.set("anonymous", { name: "anonymous", user: null, token: null });

  const token = async (name: string, revoked: boolean) => {
    const t = await createToken(admin, {
      name,
      scopes: ["test-results", "audit-events", "findings"],
      expiresAt: null,
    });
    if (revoked) await revokeToken(admin, t.id);
    const actor: TokenActor = {
      kind: "token",
      id: admin.id,
      email: `token:${name}`,
      tokenId: t.id,
      scopes: ["test-results", "audit-events", "findings"],
      source: null,
      evidences: [],
    };
    return { secret: t.token, actor, revoked };
  };
  actors.set("ingest token", {
    name: "ingest token",
    user: null,
    token: await token(`matrix-ingest-${Date.now()}`, false),
  });
  actors.set("revoked token", {
    name: "revoked token",
    user: null,
    token: await token(`matrix-revoked-${Date.now()}`, true),
  });
  return { actors, admin };
}
