import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
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

export interface WorkspaceStatus {
  controls: Map<string, ControlResult>;
  criteria: Map<string, Evaluation>;
  ctx: EngineContext;
}

/** Loads what the engine needs in a handful of queries and evaluates every control and criterion. */
export async function computeWorkspaceStatus(
  prisma: PrismaClient,
  now = new Date(),
): Promise<WorkspaceStatus> {
  const [ws, controls, criteria, overrides, signals, silence, remediation] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({
      where: { id: 1 },
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
        ? { start: ws.auditPeriodStart, end: new Date(ws.auditPeriodEnd.getTime() + 86_399_999) }
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

/** Keeps today's row per criterion current, in one statement. */
export async function recordSnapshots(
  prisma: PrismaClient,
  status: WorkspaceStatus,
): Promise<void> {
  const ids = [...status.criteria.keys()];
  const values = ids.map((id) => status.criteria.get(id)!.status);
  const day = status.ctx.now.toISOString().slice(0, 10);
  await prisma.$executeRaw`
    INSERT INTO "status_snapshots" ("day", "criterion_id", "status")
    SELECT ${day}::date, u.id, u.status::"StatusValue" FROM unnest(${ids}::text[], ${values}::text[]) AS u(id, status)
    ON CONFLICT ("criterion_id", "day") DO UPDATE SET "status" = EXCLUDED."status"`;
}
