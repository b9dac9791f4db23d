import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { evaluateControl, evaluateCriterion } from "./engine";
import type { ControlResult, EngineContext, Evaluation, OverrideInput } from "./types";
import { loadStatusInputs, type KeptInput, type StatusInputs } from "./status-inputs";
import { controlCoverage } from "./coverage-kept";
import type { Interval } from "@/lib/coverage/frequency";
import type { ControlCoverage } from "@/lib/coverage/types";

export interface WorkspaceStatus {
  controls: Map<string, ControlResult>;
  criteria: Map<string, Evaluation>;
  ctx: EngineContext;
  /** The audit period as whole days (end exclusive), null while none is set. */
  coveragePeriod: Interval | null;
  /** Coverage over the audit period per control (empty while no period is set). */
  coverage: Map<string, ControlCoverage>;
  /** Criterion id → ids of its mapped (unarchived) controls. */
  criterionControls: Map<string, string[]>;
  /**
   * The first instant after ctx.now at which the same data could give another result: the next
   * UTC midnight (coverage's today, overdue items, the snapshot's day), an evidence item or an
   * override expiring, an expected event type exceeding its tolerated silence.
   */
  validUntil: Date;
}

/** Computed status of every control and criterion as of `now` (pages use workspaceStatus). */
export async function computeWorkspaceStatus(
  actor: Actor | null,
  now = new Date(),
): Promise<WorkspaceStatus> {
  authorize(actor, "workspace.read");
  return evaluateWorkspace(await db(), now);
}

/**
 * Loads what the engine needs in a handful of queries (status-inputs.ts; with `kept`, only the
 * parts that moved) and evaluates every control and criterion. No check of its own: for
 * computeWorkspaceStatus and workspaceStatus, which authorize first. `period` replaces the
 * workspace's audit period for Type II coverage (an audit package built for a period of its own
 * judges operating effectiveness over that period).
 */
export async function evaluateWorkspace(
  prisma: Tx,
  now: Date,
  period?: Interval,
  kept?: KeptInput,
): Promise<WorkspaceStatus> {
  return evaluateInputs(await loadStatusInputs(prisma, now, period, kept), now);
}

/** Every control and criterion evaluated from loaded input, as of `now`. Pure. */
export function evaluateInputs(inputs: StatusInputs, now: Date): WorkspaceStatus {
  const { criteria, overrides, controls, audit, remediation, records } = inputs;
  const coveragePeriod = inputs.period;
  const ctx: EngineContext = {
    now,
    period: coveragePeriod
      ? { start: coveragePeriod.start, end: new Date(coveragePeriod.end.getTime() - 1) }
      : null,
  };
  const silence = audit.signals;
  // Every instant at which a comparison with `now` below flips, kept when still ahead.
  let validUntil = addDays(startOfUtcDay(now), 1).getTime();
  const until = (at: Date | null) => {
    const t = at?.getTime();
    if (t !== undefined && t > now.getTime() && t < validUntil) validUntil = t;
  };
  until(audit.changesAt);
  const coverage = new Map<string, ControlCoverage>();
  const overrideFor = new Map<string, OverrideInput>();
  for (const o of overrides) {
    until(o.expiresAt);
    const key = `${o.targetType}:${o.targetId}`;
    if (!overrideFor.has(key))
      overrideFor.set(key, {
        status: o.status,
        justification: o.justification,
        expiresAt: o.expiresAt,
        by: o.by,
      });
  }
  const controlResults = new Map<string, ControlResult>();
  const byCriterion = new Map<string, ControlResult[]>();
  for (const c of controls) {
    const evidence = c.evidence;
    for (const e of evidence) until(e.expiresAt);
    const coverageOfControl = coveragePeriod
      ? controlCoverage(c, records, coveragePeriod, now)
      : null;
    if (coverageOfControl) coverage.set(c.id, coverageOfControl);
    const result = evaluateControl(
      {
        id: c.id,
        title: c.title,
        implementation: c.implementation,
        naJustification: c.naJustification,
        evidence,
        signals: [
          ...(remediation.controls.get(c.id) ?? []),
          ...(inputs.tests.get(c.id) ?? []),
          ...(silence.get(c.id) ?? []),
        ],
        override: overrideFor.get(`control:${c.id}`) ?? null,
        coverage: coverageOfControl,
      },
      ctx,
    );
    controlResults.set(c.id, result);
    for (const criterionId of c.criteria)
      byCriterion.set(criterionId, [...(byCriterion.get(criterionId) ?? []), result]);
  }
  const criteriaResults = new Map<string, Evaluation>();
  for (const cr of criteria) {
    criteriaResults.set(
      cr.id,
      evaluateCriterion(
        {
          id: cr.id,
          title: cr.title,
          controls: byCriterion.get(cr.id) ?? [],
          signals: remediation.criteria.get(cr.id) ?? [],
          override: overrideFor.get(`criterion:${cr.id}`) ?? null,
        },
        ctx,
      ),
    );
  }
  const criterionControls = new Map(
    [...byCriterion].map(([id, results]) => [id, results.map((r) => r.id)]),
  );
  return {
    controls: controlResults,
    criteria: criteriaResults,
    ctx,
    coveragePeriod,
    coverage,
    criterionControls,
    validUntil: new Date(validUntil),
  };
}
