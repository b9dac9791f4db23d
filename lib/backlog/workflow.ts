// Pure rules of the remediation backlog: the status workflow, who may verify, overdue,
// severity labels and the burndown drawn from recorded status changes.
import { DAY_MS, isoDay, startOfUtcDay } from "@/lib/dates";

export const PRIORITIES = ["P0", "P1", "P2", "P3"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const STATUSES = [
  "open",
  "in_progress",
  "awaiting_deployment",
  "resolved",
  "verified",
  "risk_accepted",
  "false_positive",
] as const;
export type BacklogStatus = (typeof STATUSES)[number];

export const SEVERITY: Record<Priority, string> = {
  P0: "CRITICAL",
  P1: "HIGH",
  P2: "MEDIUM",
  P3: "LOW",
};
export const STATUS_LABEL: Record<BacklogStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  awaiting_deployment: "Awaiting deployment",
  resolved: "Resolved",
  verified: "Verified",
  risk_accepted: "Risk accepted",
  false_positive: "False positive",
};

export type BacklogOrigin = "manual" | "phase_gap" | "collector";
export const ORIGIN_LABEL: Record<BacklogOrigin, string> = {
  manual: "Entered by hand",
  phase_gap: "A phase gap",
  collector: "A collector finding",
};

/** Work not done yet: these count as open in filters, charts and status. */
export const OPEN_STATUSES: readonly BacklogStatus[] = [
  "open",
  "in_progress",
  "awaiting_deployment",
];
export const NEEDS_JUSTIFICATION: readonly BacklogStatus[] = ["risk_accepted", "false_positive"];

export function isOpen(status: BacklogStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

const NEXT: Record<BacklogStatus, readonly BacklogStatus[]> = {
  open: ["in_progress", "awaiting_deployment", "resolved", "risk_accepted", "false_positive"],
  in_progress: ["open", "awaiting_deployment", "resolved", "risk_accepted", "false_positive"],
  awaiting_deployment: ["in_progress", "resolved", "risk_accepted", "false_positive"],
  resolved: ["verified", "in_progress", "open"],
  verified: ["open"],
  risk_accepted: ["open"],
  false_positive: ["open"],
};

export function allowedTransitions(from: BacklogStatus): readonly BacklogStatus[] {
  return NEXT[from];
}

export interface TransitionContext {
  actorId: string | null;
  resolvedById: string | null;
  /** Resolved by a scan that no longer found its finding (no account): anyone may verify. */
  resolvedByCollector?: boolean;
  justification?: string | null;
  checks: readonly { checkedById: string | null }[];
}

/**
 * Why the move is refused, or null when it is allowed: "invalid" when the request lacks
 * something (a justification), "conflict" when the item's state or history forbids it.
 */
export interface TransitionRefusal {
  code: "invalid" | "conflict";
  message: string;
}

export function transitionRefusal(
  from: BacklogStatus,
  to: BacklogStatus,
  ctx: TransitionContext,
): TransitionRefusal | null {
  const clash = (message: string): TransitionRefusal => ({ code: "conflict", message });
  if (from === to) return clash(`The item is already ${STATUS_LABEL[to].toLowerCase()}.`);
  if (!NEXT[from].includes(to))
    return clash(
      `An item that is ${STATUS_LABEL[from].toLowerCase()} cannot move to ${STATUS_LABEL[to].toLowerCase()}.`,
    );
  if (NEEDS_JUSTIFICATION.includes(to) && !ctx.justification?.trim())
    return {
      code: "invalid",
      message: `Marking an item "${STATUS_LABEL[to].toLowerCase()}" needs a written justification.`,
    };
  if (to === "verified") {
    if (!ctx.resolvedById && !ctx.resolvedByCollector)
      return clash("Nobody is recorded as having resolved this item; resolve it before verifying.");
    if (ctx.actorId === ctx.resolvedById)
      return clash("The person who resolved the item cannot verify it; ask someone else.");
    const unchecked = ctx.checks.filter((c) => !c.checkedById).length;
    if (unchecked > 0)
      return clash(`${unchecked} verification checklist item(s) are not checked yet.`);
    const byResolver = ctx.checks.filter((c) => c.checkedById === ctx.resolvedById).length;
    if (byResolver > 0)
      return clash(
        `${byResolver} checklist item(s) were checked by the person who resolved the item; someone else must check them.`,
      );
  }
  return null;
}

export function isOverdue(
  item: { status: BacklogStatus; dueDate: Date | null },
  now: Date,
): boolean {
  if (!item.dueDate || !isOpen(item.status)) return false;
  return item.dueDate.getTime() < startOfUtcDay(now).getTime();
}

export interface BurndownPoint {
  day: string;
  open: number;
  closed: number;
}

/** How the open and closed counts change on one UTC day (`day`: the day's start, epoch ms). */
export interface DailyDelta {
  day: number;
  open: number;
  closed: number;
}

/**
 * The day-by-day changes of the counts, replaying recorded transitions (the first one of an item
 * is its creation: it starts counting). The backlog page gets the same from SQL (backlogCharts),
 * so that a year of transitions is not read to draw 90 days.
 */
export function dailyDeltas(
  transitions: readonly { itemId: string; at: Date; to: BacklogStatus }[],
): DailyDelta[] {
  const sorted = [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = new Map<string, BacklogStatus>();
  const byDay = new Map<number, DailyDelta>();
  for (const t of sorted) {
    const day = startOfUtcDay(t.at).getTime();
    const delta = byDay.get(day) ?? { day, open: 0, closed: 0 };
    byDay.set(day, delta);
    const before = state.get(t.itemId);
    if (before !== undefined) delta[isOpen(before) ? "open" : "closed"] -= 1;
    delta[isOpen(t.to) ? "open" : "closed"] += 1;
    state.set(t.itemId, t.to);
  }
  return [...byDay.values()];
}

/** Open and closed counts at the end of each day from `from` to `to`. */
export function burndownFromDeltas(
  deltas: readonly DailyDelta[],
  from: Date,
  to: Date,
): BurndownPoint[] {
  const sorted = [...deltas].sort((a, b) => a.day - b.day);
  const out: BurndownPoint[] = [];
  let open = 0;
  let closed = 0;
  let i = 0;
  for (let day = startOfUtcDay(from).getTime(); day <= to.getTime(); day += DAY_MS) {
    for (let d = sorted[i]; d && d.day <= day; d = sorted[++i]) {
      open += d.open;
      closed += d.closed;
    }
    out.push({ day: isoDay(new Date(day)), open, closed });
  }
  return out;
}

/** Open and closed counts at the end of each day from `from` to `to`, from the transitions. */
export const burndown = (
  transitions: readonly { itemId: string; at: Date; to: BacklogStatus }[],
  from: Date,
  to: Date,
): BurndownPoint[] => burndownFromDeltas(dailyDeltas(transitions), from, to);
