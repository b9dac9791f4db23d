import type { Tx } from "@/lib/db/tx";
import { backlogSignal, phaseSignals } from "./remediation-signals";
import type { Signal } from "./types";

export interface RemediationSignals {
  controls: Map<string, Signal[]>;
  /** Criterion id → signals linked to the criterion itself, without those already reaching it through a linked control. */
  criteria: Map<string, Signal[]>;
}

const push = (m: Map<string, Signal[]>, key: string, s: Signal) =>
  m.set(key, [...(m.get(key) ?? []), s]);

/** Backlog items and phase gaps that hold controls and criteria back (rules in remediation-signals.ts). */
export async function remediationSignals(prisma: Tx, now: Date): Promise<RemediationSignals> {
  const [items, phases] = await Promise.all([
    prisma.backlogItem.findMany({
      where: {
        priority: { in: ["P0", "P1"] },
        status: { in: ["open", "in_progress", "awaiting_deployment", "resolved"] },
      },
      orderBy: [{ priority: "asc" }, { key: "asc" }],
      select: {
        id: true,
        key: true,
        title: true,
        priority: true,
        status: true,
        dueDate: true,
        controls: {
          select: {
            control: {
              select: { id: true, archivedAt: true, criteria: { select: { criterionId: true } } },
            },
          },
        },
        criteria: { select: { criterionId: true } },
      },
    }),
    prisma.phase.findMany({
      where: { mustHaves: { some: { verdict: { in: ["partial", "failed"] } } } },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        title: true,
        requirements: { select: { code: true, criteria: true } },
        mustHaves: {
          orderBy: { position: "asc" },
          select: { truth: true, verdict: true, reason: true, requirements: true },
        },
      },
    }),
  ]);
  const out: RemediationSignals = { controls: new Map(), criteria: new Map() };
  for (const item of items) {
    const signal = backlogSignal(item, now);
    if (!signal) continue;
    const viaControls = new Set<string>();
    for (const { control } of item.controls) {
      if (control.archivedAt) continue;
      push(out.controls, control.id, signal);
      control.criteria.forEach((c) => viaControls.add(c.criterionId));
    }
    for (const { criterionId } of item.criteria)
      if (!viaControls.has(criterionId)) push(out.criteria, criterionId, signal);
  }
  for (const phase of phases)
    for (const [criterionId, signals] of phaseSignals(phase))
      signals.forEach((s) => push(out.criteria, criterionId, s));
  return out;
}
