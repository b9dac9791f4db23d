// Who is acting: a signed-in user, an API token, or the machine itself (CLI, start-up, schedules).
// Every kind carries the id and email the activity log records.
import type { Role } from "@/lib/generated/prisma/enums";
import { invalid } from "@/lib/errors";
import type { TokenScope } from "./capabilities";

export interface UserActor {
  kind: "user";
  id: string;
  email: string;
  name: string;
  role: Role;
  accessExpiresAt: Date | null;
}

export interface TokenActor {
  kind: "token";
  /** The account that created the token, recorded as the actor of what the token does. */
  id: string | null;
  /** "token:<name>" in the activity log. */
  email: string;
  tokenId: string;
  scopes: readonly TokenScope[];
  /** The only source name the token may report; null = any. */
  source: string | null;
  /** Control refs and criterion ids the token may evidence (upper case); empty = any. */
  evidences: readonly string[];
}

export interface SystemActor {
  kind: "system";
  id: null;
  /** "system" for the server itself, "cli" for the command line. */
  email: string;
}

export type Actor = UserActor | TokenActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = { kind: "system", id: null, email: "system" };
export const CLI_ACTOR: SystemActor = { kind: "system", id: null, email: "cli" };

/** How the activity log names what kind of actor did something: the role, or "token"/"system". */
export function actorRole(actor: Actor): string {
  return actor.kind === "user" ? actor.role : actor.kind;
}

/** The account a record must name (uploader, author of an override); the system actor has none. */
export function accountId(actor: Actor): string {
  if (actor.id === null) throw invalid("This needs a signed-in account.");
  return actor.id;
}
