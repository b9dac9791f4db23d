import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { endOfUtcDay } from "@/lib/dates";
import { evaluateControl, evaluateCriterion } from "./engine";
import type {
  ControlResult,
  EngineContext,
  Evaluation,
  EvidenceInput,
  OverrideInput,
} from "./types";
import { resolveExpiry } from "./expiry";
import { testSignals } from "./test-signals";
import { auditSignals } from "./audit-signals";
import { remediationSignals } from "./remediation-load";
import { WORKSPACE_ID } from "@/lib/workspace/id";

export interface WorkspaceStatus {
  controls: Map<string, ControlResult>;
  criteria: Map<string, Evaluation>;
  ctx: EngineContext;
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
 */
export async function evaluateWorkspace(prisma: Tx, now: Date): Promise<WorkspaceStatus> {
  const [ws, controls, criteria, overrides, signals, silence, remediation] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({
      where: { id: WORKSPACE_ID },
      select: { auditPeriodStart: true, auditPeriodEnd: true },
    }),
    prisma.control.findMany({
      where: { archivedAt: null },
      select: {
        id: true,
        title: true,
        implementation: true,
        naJustification: true,
        criteria: { select: { criterionId: true } },
        evidence: {
          select: {
            evidence: {
              select: {
                id: true,
                title: true,
                reviewState: true,
                evidenceDate: true,
                periodStart: true,
                periodEnd: true,
                expiresOn: true,
                renewalDays: true,
              },
            },
          },
        },
      },
    }),
    prisma.criterion.findMany({ select: { id: true, title: true }, orderBy: { sortOrder: "asc" } }),
    prisma.statusOverride.findMany({
      where: { revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: {
        targetType: true,
        targetId: true,
        status: true,
        justification: true,
        expiresAt: true,
        createdBy: { select: { email: true } },
      },
    }),
    testSignals(prisma),
    auditSignals(prisma, now),
    remediationSignals(prisma, now),
  ]);
  const ctx: EngineContext = {
    now,
    period:
      ws.auditPeriodStart && ws.auditPeriodEnd
        ? {
            start: ws.auditPeriodStart,
            end: new Date(endOfUtcDay(ws.auditPeriodEnd).getTime() - 1),
          }
        : null,
  };
  const overrideFor = new Map<string, OverrideInput>();
  for (const o of overrides) {
    const key = `${o.targetType}:${o.targetId}`;
    if (!overrideFor.has(key))
      overrideFor.set(key, {
        status: o.status,
        justification: o.justification,
        expiresAt: o.expiresAt,
        by: o.createdBy.email,
      });
  }
  const controlResults = new Map<string, ControlResult>();
  const byCriterion = new Map<string, ControlResult[]>();
  for (const c of controls) {
    const evidence: EvidenceInput[] = c.evidence.map(({ evidence: e }) => ({
      id: e.id,
      title: e.title,
      state: e.reviewState,
      evidenceDate: e.evidenceDate,
      periodStart: e.periodStart,
      periodEnd: e.periodEnd,
      expiresAt: resolveExpiry(e),
    }));
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
      },
      ctx,
    );
    controlResults.set(c.id, result);
    for (const { criterionId } of c.criteria)
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
  return { controls: controlResults, criteria: criteriaResults, ctx };
}
