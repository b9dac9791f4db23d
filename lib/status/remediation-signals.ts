// How unfinished remediation holds status back (README "Status rules"):
// - an open (open, in progress, awaiting deployment) P0 backlog item → gap; P1 → at risk;
// - a P0/P1 item resolved but not yet verified by a second person → at risk;
// - P2/P3 items, verified items, accepted risks and false positives change nothing;
// - a phase must-have marked FAILED → gap, PARTIAL → at risk, on the criteria of the
//   requirements it names (all of the phase's requirements when it names none).
// Items apply to the controls they link (and through them their criteria) and to the
// criteria they link directly.
import {
  SEVERITY,
  STATUS_LABEL,
  isOpen,
  isOverdue,
  type BacklogStatus,
  type Priority,
} from "@/lib/backlog/workflow";
import { isoDay } from "@/lib/dates";
import { mustHaveCriteria, type Verdict } from "@/lib/phases/phase-status";
import type { Signal } from "./types";

export interface BacklogSignalInput {
  id: string;
  key: string;
  title: string;
  priority: Priority;
  status: BacklogStatus;
  dueDate: Date | null;
}

export function backlogSignal(item: BacklogSignalInput, now: Date): Signal | null {
  if (item.priority !== "P0" && item.priority !== "P1") return null;
  const source = { type: "backlog" as const, id: item.key, label: item.key };
  const name = `${item.priority} ${SEVERITY[item.priority]} backlog item ${item.key} "${item.title}"`;
  if (isOpen(item.status)) {
    const due = item.dueDate
      ? isOverdue(item, now)
        ? `, overdue since ${isoDay(item.dueDate)}`
        : `, due ${isoDay(item.dueDate)}`
      : "";
    return {
      effect: item.priority === "P0" ? "gap" : "at_risk",
      text: `Open ${name} (${STATUS_LABEL[item.status].toLowerCase()}${due})`,
      source,
    };
  }
  if (item.status === "resolved")
    return {
      effect: "at_risk",
      text: `${name} is resolved but not yet verified by a second person`,
      source,
    };
  return null;
}

export interface PhaseSignalInput {
  id: string;
  number: number;
  title: string;
  requirements: { code: string; criteria: string[] }[];
  mustHaves: { truth: string; verdict: Verdict; reason: string; requirements: string[] }[];
}

/** Signals per criterion id from the gaps of one phase. */
export function phaseSignals(phase: PhaseSignalInput): Map<string, Signal[]> {
  const out = new Map<string, Signal[]>();
  for (const m of phase.mustHaves) {
    if (m.verdict !== "failed" && m.verdict !== "partial") continue;
    const signal: Signal = {
      effect: m.verdict === "failed" ? "gap" : "at_risk",
      text: `Phase ${phase.number} "${phase.title}": must-have "${m.truth}" is ${m.verdict.toUpperCase()}${m.reason ? ` — ${m.reason}` : ""}`,
      source: { type: "phase", id: String(phase.number), label: `Phase ${phase.number}` },
    };
    for (const criterionId of mustHaveCriteria(m, phase.requirements))
      out.set(criterionId, [...(out.get(criterionId) ?? []), signal]);
  }
  return out;
}
