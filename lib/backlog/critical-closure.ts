// Closing a P0/P1 item as risk accepted or false positive takes two people (issue 10): someone
// raises the closure with its justification, and an administrator other than them confirms it.
// The rule reads the highest priority the item has ever held (its `peak_priority`, kept by a
// database trigger), so lowering a P0 to P3 first does not make it a one-person closure.
// Pure: backlog-writes.ts applies it inside the item's locked transaction.
import { STATUS_LABEL, type BacklogStatus, type Priority } from "./workflow";

export const CRITICAL: readonly Priority[] = ["P0", "P1"];
const CLOSURES: readonly BacklogStatus[] = ["risk_accepted", "false_positive"];

/** `peakPriority`: the highest priority the item has held, not its current one. */
export function needsSecondPerson(peakPriority: Priority, to: BacklogStatus): boolean {
  return CRITICAL.includes(peakPriority) && CLOSURES.includes(to);
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
      message: `Closing an item that is or has been P0/P1 as ${label} needs an administrator; it has been raised and waits for one.`,
    };
  if (actor.id === proposal.byId)
    return {
      kind: "refuse",
      code: "conflict",
      message: `You raised this ${label} closure; another administrator must confirm it.`,
    };
  return { kind: "confirm" };
}
