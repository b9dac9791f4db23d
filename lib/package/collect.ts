import "server-only";
// Reads everything a package holds for a period, in a handful of narrow queries. Evidence file
// contents and activity rows are not loaded here: the builder streams them one file or one batch
// at a time (evidence-files.ts, activity-lines.ts).
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { CRITERIA } from "@/lib/catalog/criteria";
import { isoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { evaluateWorkspace } from "@/lib/status/compute";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { periodBounds } from "./period";
import { evidencePaths, testRunPath } from "./layout";
import type { PackageData, PackagePeriod } from "./types";

const OPEN_BACKLOG = ["open", "in_progress", "awaiting_deployment", "resolved"];

export async function collectPackageData(
  actor: Actor | null,
  period: PackagePeriod,
  now = new Date(),
): Promise<PackageData> {
  authorize(actor, "package.create");
  const prisma = await db();
  const { start, end } = periodBounds(period);
  const [
    ws,
    status,
    controls,
    evidence,
    runs,
    backlog,
    mustHaves,
    daily,
    samples,
    snapshots,
    head,
  ] = await Promise.all([
    prisma.workspace.findUniqueOrThrow({ where: { id: WORKSPACE_ID } }),
    evaluateWorkspace(prisma, now, { start, end }),
    prisma.control.findMany({
      where: { archivedAt: null },
      orderBy: { ref: "asc" },
      select: {
        id: true,
        ref: true,
        title: true,
        implementation: true,
        owner: { select: { name: true } },
        criteria: { select: { criterionId: true } },
      },
    }),
    // Accepted evidence dated, or covering a period, inside the package's period.
    prisma.evidence.findMany({
      where: {
        reviewState: "accepted",
        OR: [
          { evidenceDate: { gte: start, lt: end } },
          { periodStart: { lt: end }, periodEnd: { gte: start } },
        ],
      },
      orderBy: [{ evidenceDate: "asc" }, { title: "asc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        kind: true,
        reviewState: true,
        evidenceDate: true,
        url: true,
        body: true,
        controls: { select: { control: { select: { ref: true } } } },
        revisions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { number: true, fileName: true, size: true, sha256: true },
        },
      },
    }),
    prisma.testRun.findMany({
      where: { startedAt: { gte: start, lt: end } },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    }),
    prisma.backlogItem.findMany({
      where: { createdAt: { lt: end } },
      orderBy: { key: "asc" },
      select: {
        key: true,
        title: true,
        description: true,
        priority: true,
        status: true,
        dueDate: true,
        createdAt: true,
        resolvedAt: true,
        verifiedAt: true,
        owner: { select: { name: true } },
        controls: { select: { control: { select: { ref: true } } } },
        criteria: { select: { criterionId: true } },
        checks: { orderBy: { position: "asc" }, select: { text: true, checkedAt: true } },
      },
    }),
    prisma.mustHave.findMany({
      orderBy: [{ phase: { number: "asc" } }, { position: "asc" }],
      select: {
        position: true,
        truth: true,
        verdict: true,
        reason: true,
        requirements: true,
        phase: { select: { number: true, title: true, progress: true } },
      },
    }),
    prisma.auditEventDaily.findMany({
      where: { day: { gte: start, lt: end } },
      orderBy: [{ day: "asc" }, { action: "asc" }],
    }),
    prisma.activity.findMany({
      where: { action: "audit_events.sample", at: { gte: start, lt: end } },
      orderBy: { seq: "asc" },
      select: { at: true, actorEmail: true, entityId: true, summary: true, after: true },
    }),
    prisma.statusSnapshot.findMany({
      where: { day: { gte: start, lt: end } },
      orderBy: [{ day: "asc" }, { criterionId: "asc" }],
    }),
    prisma.activity.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }),
  ]);

  const refById = new Map(controls.map((c) => [c.id, c.ref]));
  const inScope = new Set<string>(ws.categoriesInScope);
  const criterionControls = new Map<string, string[]>();
  for (const c of controls)
    for (const { criterionId } of c.criteria)
      criterionControls.set(criterionId, [...(criterionControls.get(criterionId) ?? []), c.ref]);
  const failingCases = runs.length
    ? await prisma.testCaseResult.findMany({
        where: { runId: { in: runs.map((r) => r.id) }, status: { in: ["failed", "errored"] } },
        orderBy: [{ suite: "asc" }, { name: "asc" }, { id: "asc" }],
        select: {
          runId: true,
          suite: true,
          name: true,
          status: true,
          message: true,
          controlIds: true,
        },
      })
    : [];
  const mappedControls = runs.length
    ? await prisma.$queryRaw<{ runId: string; controlId: string }[]>`
        SELECT run_id::text AS "runId", control_id::text AS "controlId"
        FROM "test_run_controls" WHERE run_id = ANY(${runs.map((r) => r.id)}::uuid[])`
    : [];
  const refs = (ids: string[]) =>
    [...new Set(ids.map((id) => refById.get(id)).filter((r): r is string => !!r))].sort();

  const evidenceRows = evidence.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    reviewState: e.reviewState,
    evidenceDate: isoDay(e.evidenceDate),
    url: e.url,
    body: e.body,
    controls: e.controls.map((c) => c.control.ref).sort(),
    // File evidence, and the report file of an automated scan (issue 14).
    revision: e.revisions[0] ?? null,
  }));
  const paths = evidencePaths(evidenceRows);

  return {
    workspace: { name: ws.name, categoriesInScope: [...ws.categoriesInScope].sort() },
    period,
    createdAt: now,
    criteria: CRITERIA.map((c) => {
      const s = status.criteria.get(c.id);
      return {
        id: c.id,
        category: c.category,
        series: c.series,
        title: c.title,
        inScope: inScope.has(c.category),
        status: s?.status ?? "not_started",
        overridden: s?.overridden ?? false,
        design: s?.design ?? "missing",
        operating: s?.operating ?? "none",
        reasons: s?.reasons ?? [],
        controls: (criterionControls.get(c.id) ?? []).sort(),
      };
    }),
    controls: controls.map((c) => {
      const s = status.controls.get(c.id);
      return {
        id: c.id,
        ref: c.ref,
        title: c.title,
        implementation: c.implementation,
        owner: c.owner?.name ?? null,
        criteria: c.criteria.map((x) => x.criterionId).sort(),
        status: s?.status ?? "not_started",
        reasons: s?.reasons ?? [],
      };
    }),
    evidence: evidenceRows.map(({ revision, ...e }) => ({
      ...e,
      file: revision
        ? {
            revision: revision.number,
            fileName: revision.fileName,
            size: revision.size,
            sha256: revision.sha256,
            path: paths.get(e.id)!,
          }
        : null,
    })),
    testRuns: runs.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.toISOString(),
      format: r.format,
      source: r.source,
      commit: r.commit,
      branch: r.branch,
      tests: r.tests,
      passed: r.passed,
      failed: r.failed,
      errored: r.errored,
      skipped: r.skipped,
      controls: refs(mappedControls.filter((m) => m.runId === r.id).map((m) => m.controlId)),
      notCurrentReason: r.notCurrentReason,
      notCurrentFor: r.notCurrentReason
        ? refs(mappedControls.filter((m) => m.runId === r.id).map((m) => m.controlId))
        : refs(r.notCurrentControls),
      failing: failingCases
        .filter((f) => f.runId === r.id)
        .map((f) => ({
          suite: f.suite,
          name: f.name,
          status: f.status,
          message: f.message,
          controls: refs(f.controlIds),
        })),
      path: testRunPath(r),
    })),
    backlog: backlog.map((b) => ({
      key: b.key,
      title: b.title,
      description: b.description,
      priority: b.priority,
      status: b.status,
      owner: b.owner?.name ?? null,
      dueDate: b.dueDate ? isoDay(b.dueDate) : null,
      createdAt: b.createdAt.toISOString(),
      resolvedAt: b.resolvedAt?.toISOString() ?? null,
      verifiedAt: b.verifiedAt?.toISOString() ?? null,
      controls: b.controls.map((c) => c.control.ref).sort(),
      criteria: b.criteria.map((c) => c.criterionId).sort(),
      checks: b.checks.map((c) => ({ text: c.text, done: c.checkedAt !== null })),
      open: OPEN_BACKLOG.includes(b.status),
    })),
    mustHaves: mustHaves.map((m) => ({
      phase: m.phase.number,
      phaseTitle: m.phase.title,
      progress: m.phase.progress,
      position: m.position,
      truth: m.truth,
      verdict: m.verdict,
      reason: m.reason,
      requirements: m.requirements,
    })),
    auditDaily: daily.map((d) => ({ day: isoDay(d.day), action: d.action, count: d.count })),
    samples: samples.map((s) => {
      const a = (s.after ?? {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === "string" ? v : null);
      const num = (v: unknown) => (typeof v === "number" ? v : null);
      return {
        at: s.at.toISOString(),
        by: s.actorEmail,
        criterion: s.entityId,
        action: str(a.action),
        from: str(a.from),
        to: str(a.to),
        n: num(a.n),
        seed: str(a.seed),
        population: num(a.population),
        populationHash: str(a.populationHash),
        summary: s.summary,
      };
    }),
    snapshots: snapshots.map((s) => ({
      day: isoDay(s.day),
      criterion: s.criterionId,
      status: s.status,
    })),
    activity: { rows: 0, firstPrevHash: "", lastHash: "" },
    chainHead: head ? { seq: head.seq.toString(), hash: head.hash } : null,
  };
}
