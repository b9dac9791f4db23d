// The check every data-layer function starts with. The table in capabilities.ts is the only
// source of the answer; the operator's own machine (system actor) may do everything.
import { AppError } from "@/lib/errors";
import { auditorAccessOpen } from "./access";
import type { Actor } from "./actor";
import {
  CAPABILITY_LABELS,
  ROLE_CAPABILITIES,
  TOKEN_SCOPE_CAPABILITIES,
  type Capability,
} from "./capabilities";

export function allows(actor: Actor, capability: Capability, now = new Date()): boolean {
  switch (actor.kind) {
    case "system":
      return true;
    case "token":
      return actor.scopes.some((s) => TOKEN_SCOPE_CAPABILITIES[s].includes(capability));
    case "user":
      return auditorAccessOpen(actor, now) && ROLE_CAPABILITIES[actor.role].includes(capability);
  }
}

export function authorize(
  actor: Actor | null | undefined,
  capability: Capability,
): asserts actor is Actor {
  if (!actor) {
    throw new AppError("unauthenticated", "Your session has ended. Sign in again.", { capability });
  }
  if (allows(actor, capability)) return;
  const who =
    actor.kind === "user"
      ? auditorAccessOpen(actor)
        ? `Your role (${actor.role}) is`
        : "Your auditor access has ended; you are"
      : "This token is";
  throw new AppError("forbidden", `${who} not allowed to ${CAPABILITY_LABELS[capability]}.`, {
    capability,
  });
}
