// Closing a P0/P1 item as risk accepted or false positive takes two people (issue 10): someone
// raises the closure with its justification, and an administrator other than them confirms it.
// Pure: backlog-writes.ts applies it inside the item's locked transaction.
import { STATUS_LABEL, type BacklogStatus, type Priority } from "./workflow";

export const CRITICAL: readonly Priority[] = ["P0", "P1"];
const CLOSURES: readonly BacklogStatus[] = ["risk_accepted", "false_positive"];

export function needsSecondPerson(priority: Priority, to: BacklogStatus): boolean {
  return CRITICAL.includes(priority) && CLOSURES.includes(to);
}

export interface Proposal {
  to: BacklogStatus;
  byId: string;
}

export type ClosureStep =
  | { kind: "propose" }
  | { kind: "confirm" }
  | { kind: "refuse"; code: "forbidden" | "conflict"; message: string };

/**
 * What a request to close a critical item does: with no matching proposal it raises one (anyone
 * who may change the item); with one, an administrator who did not raise it confirms it.
 */
export function closureStep(
  to: BacklogStatus,
  actor: { id: string | null; isAdmin: boolean },
  proposal: Proposal | null,
): ClosureStep {
  const label = STATUS_LABEL[to].toLowerCase();
  if (!proposal || proposal.to !== to) return { kind: "propose" };
  if (!actor.isAdmin)
    return {
      kind: "refuse",
      code: "forbidden",
      message: `Closing a P0/P1 item as ${label} needs an administrator; it has been raised and waits for one.`,
    };
  if (actor.id === proposal.byId)
    return {
      kind: "refuse",
      code: "conflict",
      message: `You raised this ${label} closure; another administrator must confirm it.`,
    };
  return { kind: "confirm" };
}
