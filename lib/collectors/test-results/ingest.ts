// One code path for every way test results arrive (UI upload, HTTP API, directory pull):
// parse → recognise a duplicate → map cases to controls → store run, cases and automated
// evidence per mapped control, and the activity row, in one transaction.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { mapCase, type MappingContext } from "./mapping";
import { parseTestResults } from "./parse";
import { createAutomatedEvidence } from "./automated-evidence";
import { assertStorableRun } from "./storable-run";
import type { ParsedCase, Totals } from "./types";

export interface IngestMeta {
  fileName?: string | null;
  source?: string | null;
  commit?: string | null;
  branch?: string | null;
  ciUrl?: string | null;
  via: "upload" | "api" | "directory";
}

export interface IngestResult {
  runId: string;
  duplicate: boolean;
  totals: Totals;
  mapped: { tests: number; unmapped: number; controls: string[] };
}

const BATCH = 5000;

async function mappingContext(
  prisma: PrismaClient,
): Promise<MappingContext & { refById: Map<string, string>; freshness: Map<string, number> }> {
  const [controls, rules] = await Promise.all([
    prisma.control.findMany({
      where: { archivedAt: null },
      select: {
        id: true,
        ref: true,
        testFreshnessDays: true,
        criteria: { select: { criterionId: true } },
      },
    }),
    prisma.testMappingRule.findMany({ select: { field: true, pattern: true, controlId: true } }),
  ]);
  const controlsByCriterion = new Map<string, string[]>();
  for (const c of controls)
    for (const { criterionId } of c.criteria)
      controlsByCriterion.set(criterionId, [...(controlsByCriterion.get(criterionId) ?? []), c.id]);
  return {
    controlsByRef: new Map(controls.map((c) => [c.ref.toUpperCase(), c.id])),
    controlsByCriterion,
    rules,
    refById: new Map(controls.map((c) => [c.id, c.ref])),
    freshness: new Map(controls.map((c) => [c.id, c.testFreshnessDays])),
  };
}

export async function ingestTestResults(
  actor: Actor | null,
  content: string,
  meta: IngestMeta,
  now = new Date(),
): Promise<IngestResult> {
  authorize(actor, "results.ingest");
  const prisma = await db();
  const sha = createHash("sha256").update(content).digest("hex");
  const existing = await prisma.testRun.findUnique({ where: { contentSha256: sha } });
  if (existing) {
    const mappedTests = await prisma.testCaseResult.count({
      where: { runId: existing.id, NOT: { controlIds: { isEmpty: true } } },
    });
    return {
      runId: existing.id,
      duplicate: true,
      totals: {
        tests: existing.tests,
        passed: existing.passed,
        failed: existing.failed,
        errored: existing.errored,
        skipped: existing.skipped,
        flaky: existing.flaky,
      },
      mapped: { tests: mappedTests, unmapped: existing.tests - mappedTests, controls: [] },
    };
  }
  const run = parseTestResults(content);
  assertStorableRun(run, meta);
  const ctx = await mappingContext(prisma);
  const mappings = run.cases.map((c) => mapCase(c, ctx));
  const byControl = new Map<string, ParsedCase[]>();
  run.cases.forEach((c, i) =>
    mappings[i]?.controlIds.forEach((id) => byControl.set(id, [...(byControl.get(id) ?? []), c])),
  );
  const startedAt = run.startedAt && run.startedAt <= now ? run.startedAt : now;
  const label = meta.source || run.tool || meta.fileName || run.format;

  const runId = await prisma.$transaction(
    async (tx) => {
      const row = await tx.testRun.create({
        data: {
          contentSha256: sha,
          format: run.format,
          tool: run.tool,
          source: meta.source ?? null,
          commit: meta.commit ?? null,
          branch: meta.branch ?? null,
          ciUrl: meta.ciUrl ?? null,
          fileName: meta.fileName ?? null,
          startedAt,
          durationMs: run.durationMs,
          ...run.totals,
          ingestedVia: meta.via,
          ingestedBy: actor.email,
        },
      });
      // Column arrays through unnest: one statement per batch instead of one row per case.
      for (let i = 0; i < run.cases.length; i += BATCH) {
        const batch = run.cases.slice(i, i + BATCH);
        const cids = mappings.slice(i, i + BATCH).map((m) => m.controlIds.join(","));
        await tx.$executeRaw`
          INSERT INTO "test_case_results" ("run_id", "suite", "classname", "name", "file", "status", "flaky", "duration_ms", "message", "control_ids")
          SELECT ${row.id}::uuid, u.suite, u.classname, u.name, u.file, u.status::"TestCaseStatus", u.flaky, u.duration, u.message,
                 CASE WHEN u.cids = '' THEN '{}'::uuid[] ELSE string_to_array(u.cids, ',')::uuid[] END
          FROM unnest(${batch.map((c) => c.suite)}::text[], ${batch.map((c) => c.classname)}::text[], ${batch.map((c) => c.name)}::text[],
                      ${batch.map((c) => c.file)}::text[], ${batch.map((c) => c.status)}::text[], ${batch.map((c) => c.flaky)}::boolean[],
                      ${batch.map((c) => c.durationMs)}::int[], ${batch.map((c) => c.message)}::text[], ${cids}::text[])
               AS u(suite, classname, name, file, status, flaky, duration, message, cids)`;
      }
      for (const [controlId, cases] of byControl) {
        await createAutomatedEvidence(
          tx,
          {
            id: row.id,
            startedAt,
            durationMs: run.durationMs,
            commit: meta.commit ?? null,
            ciUrl: meta.ciUrl ?? null,
          },
          controlId,
          cases,
          label,
          ctx.freshness.get(controlId) ?? 7,
          now,
        );
      }
      await recordActivity(tx, actor, {
        action: "test_run.ingest",
        entityType: "test_run",
        entityId: row.id,
        summary: `Ingested ${run.format} results "${label}" via ${meta.via}: ${run.totals.tests} tests, ${run.totals.failed + run.totals.errored} failing, mapped to ${byControl.size} control(s)`,
        after: {
          sha256: sha,
          totals: run.totals,
          commit: meta.commit ?? null,
          controls: [...byControl.keys()].map((id) => ctx.refById.get(id)),
        },
      });
      return row.id;
    },
    { timeout: 120_000 },
  );
  const mappedTests = mappings.filter((m) => m.controlIds.length > 0).length;
  return {
    runId,
    duplicate: false,
    totals: run.totals,
    mapped: {
      tests: mappedTests,
      unmapped: run.cases.length - mappedTests,
      controls: [...byControl.keys()].map((id) => ctx.refById.get(id)!).sort(),
    },
  };
}
