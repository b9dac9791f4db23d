import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { addDays, endOfUtcDay, sharedDates, startOfUtcDay } from "@/lib/dates";
import { evaluateControl, evaluateCriterion } from "./engine";
import type { ControlResult, EngineContext, Evaluation, OverrideInput } from "./types";
import { testSignals } from "./test-signals";
import { auditSignals } from "./audit-signals";
import { remediationSignals } from "./remediation-load";
import { loadControlsForStatus } from "./load-controls";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { coverageInput } from "@/lib/coverage/assemble";
import { computeCoverage } from "@/lib/coverage/coverage";
import type { Interval } from "@/lib/coverage/frequency";
import { loadCoverageRecords, type CoverageRecords } from "@/lib/coverage/load-records";
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

const NO_RECORDS: CoverageRecords = { runDays: new Map(), expected: new Map(), items: new Map() };

/** An active override as the query returns it: [target type, target id, status, justification, expiry in epoch ms, by]. */
type OverrideTuple = [string, string, OverrideInput["status"], string, number, string];

/**
 * The audit period, the criteria and the active overrides (newest first) in one round trip: the
 * coverage records need the period, so this query runs before the others, and the two small
 * reads ride along instead of costing round trips of their own.
 */
async function workspaceBasics(prisma: Tx) {
  const [ws] = await prisma.$queryRaw<
    {
      start: Date | null;
      end: Date | null;
      criteria: [string, string][];
      overrides: OverrideTuple[];
    }[]
  >`
    SELECT w."audit_period_start" AS start, w."audit_period_end" AS end,
           coalesce((SELECT json_agg(json_build_array(c."id", c."title") ORDER BY c."sort_order")
                     FROM "criteria" c), '[]') AS criteria,
           coalesce((SELECT json_agg(json_build_array(
                              o."target_type"::text, o."target_id", o."status"::text,
                              o."justification", floor(extract(epoch FROM o."expires_at") * 1000),
                              u."email")
                            ORDER BY o."created_at" DESC)
                     FROM "status_overrides" o JOIN "users" u ON u."id" = o."created_by_id"
                     WHERE o."revoked_at" IS NULL), '[]') AS overrides
    FROM "workspace" w WHERE w."id" = ${WORKSPACE_ID}`;
  if (!ws) throw new Error("The workspace row is missing");
  return {
    period: ws.start && ws.end ? { start: ws.start, end: endOfUtcDay(ws.end) } : null,
    criteria: ws.criteria.map(([id, title]) => ({ id, title })),
    overrides: ws.overrides.map(
      ([targetType, targetId, status, justification, expires, email]) => ({
        targetType,
        targetId,
        status,
        justification,
        expiresAt: new Date(expires),
        email,
      }),
    ),
  };
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
 * Loads what the engine needs in a handful of queries and evaluates every control and criterion.
 * No check of its own: for computeWorkspaceStatus and workspaceStatus, which authorize first.
 * `period` replaces the workspace's audit period for Type II coverage (an audit package built
 * for a period of its own judges operating effectiveness over that period).
 */
export async function evaluateWorkspace(
  prisma: Tx,
  now: Date,
  period?: Interval,
): Promise<WorkspaceStatus> {
  // The period first: the coverage records are loaded for it, alongside everything else.
  const basics = await workspaceBasics(prisma);
  const { criteria, overrides } = basics;
  const coveragePeriod = period ?? basics.period;
  // One Date per day for the loaders' thousands of dated records (they share a few hundred days).
  const at = sharedDates();
  // Raw SQL rather than the query builder here and in the loaders: nothing for Prisma's query
  // compiler to prepare in a fresh process, and no value-by-value mapping.
  const [controls, signals, audit, remediation, records] = await Promise.all([
    loadControlsForStatus(prisma, at),
    testSignals(prisma),
    auditSignals(prisma, now),
    remediationSignals(prisma, now),
    coveragePeriod ? loadCoverageRecords(prisma, coveragePeriod, at) : NO_RECORDS,
  ]);
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
        by: o.email,
      });
  }
  const controlResults = new Map<string, ControlResult>();
  const byCriterion = new Map<string, ControlResult[]>();
  for (const c of controls) {
    const evidence = c.evidence;
    for (const e of evidence) until(e.expiresAt);
    const controlCoverage = coveragePeriod
      ? computeCoverage(coverageInput(c, evidence, records), { period: coveragePeriod, now })
      : null;
    if (controlCoverage) coverage.set(c.id, controlCoverage);
    const result = evaluateControl(
      {
        id: c.id,
        title: c.title,
        implementation: c.implementation,
        naJustification: c.naJustification,
        evidence,
        signals: [
          ...(remediation.controls.get(c.id) ?? []),
          ...(signals.get(c.id) ?? []),
          ...(silence.get(c.id) ?? []),
        ],
        override: overrideFor.get(`control:${c.id}`) ?? null,
        coverage: controlCoverage,
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
