// The demo's coverage stories (issue: Type II coverage over the period):
// - nightly CI since the start of the period, in which the tenant-isolation suite did not run
//   for a month (TENANT_SUITE_GAP): an uncovered interval of "Tenant Isolation";
// - "Regular Security Review" is quarterly, and was held once in each quarter of the period so
//   far: two reviews for the demo's usual dates, each covering its quarter;
// - the `login_failed` silence of the last 40 days (demo-audit-events.ts) becomes an uncovered
//   interval of "Failed Login Monitoring", held weekly by its 7-day silence tolerance.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/tx";
import { createHash, randomUUID } from "node:crypto";
import { recordActivity } from "@/lib/activity/record";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { occurrences } from "@/lib/coverage/frequency";
import { DEMO_SUITES, TENANT_SUITE_GAP, type DemoSuite } from "./demo-test-runs";

export const QUARTERLY_REVIEW_CONTROL = "Regular Security Review";

/** Marks the review control quarterly and records one accepted review in each quarter begun. */
export async function addQuarterlyReviews(
  tx: Tx,
  controlId: string,
  reviewerId: string,
  period: { start: Date; today: Date },
): Promise<number> {
  await tx.control.update({ where: { id: controlId }, data: { frequency: "quarterly" } });
  const quarters = occurrences({ start: period.start, end: period.today }, "quarterly");
  for (const [i, q] of quarters.entries()) {
    const days = Math.round((q.end.getTime() - q.start.getTime()) / 86_400_000);
    const held = addDays(q.start, Math.min(10, Math.floor(days / 2)));
    await tx.evidence.create({
      data: {
        title: `Quarterly security review ${i + 1} (${isoDay(held)})`,
        kind: "note",
        body: "Access rights, open findings and the security backlog reviewed by the engineering lead and the compliance officer; minutes filed.",
        evidenceDate: held,
        renewalDays: 92,
        reviewState: "accepted",
        reviewedById: reviewerId,
        reviewedAt: addDays(held, 1),
        createdById: reviewerId,
        controls: { create: [{ controlId }] },
      },
    });
  }
  return quarters.length;
}

/**
 * Nightly CI from `fromDaysAgo` to `toDaysAgo`: the mapped suites, all passing. Written in bulk
 * (runs, cases, the automated evidence each run gives its controls, one activity entry) because
 * ingesting five months of files one by one would make loading the demo take most of a minute;
 * the rows are those the ingest path writes for the same files.
 */
export async function insertNightlyHistory(
  actor: Actor,
  tx: Tx,
  controlIdByTitle: Map<string, string>,
  today: Date,
  fromDaysAgo: number,
  toDaysAgo: number,
  now: Date,
): Promise<number> {
  const runs: { id: string; at: Date; suites: DemoSuite[] }[] = [];
  for (let d = fromDaysAgo; d >= toDaysAgo; d--) {
    const gap = d <= TENANT_SUITE_GAP.from && d >= TENANT_SUITE_GAP.to;
    runs.push({
      id: randomUUID(),
      at: new Date(addDays(today, -d).getTime() + 2 * 3_600_000),
      suites: DEMO_SUITES.filter(
        (s) =>
          s.control &&
          controlIdByTitle.has(s.control) &&
          !(gap && s.name === "TestTenantIsolation"),
      ),
    });
  }
  const label = (r: (typeof runs)[number]) => `hist-${isoDay(r.at)}`;
  await tx.testRun.createMany({
    data: runs.map((r) => {
      const tests = r.suites.reduce((n, s) => n + s.total, 0);
      return {
        id: r.id,
        contentSha256: createHash("sha256")
          .update(`trustboard demo history ${r.at.toISOString()}`)
          .digest("hex"),
        format: "junit",
        tool: null,
        source: "nightly CI",
        commit: label(r),
        fileName: "pytest-junit.xml",
        startedAt: r.at,
        durationMs: tests * 50,
        tests,
        passed: tests,
        failed: 0,
        errored: 0,
        skipped: 0,
        flaky: 0,
        ingestedVia: "upload",
        ingestedBy: actor.email,
      };
    }),
  });
  // One row per run and suite; the database expands each into its test cases.
  const suites = runs.flatMap((r) => r.suites.map((s) => ({ run: r.id, s })));
  await tx.$executeRaw`
    INSERT INTO "test_case_results" ("run_id", "suite", "classname", "name", "file", "status", "flaky", "duration_ms", "control_ids")
    SELECT u.run_id, u.suite, u.suite, 'test_' || u.stem || '_' || g, u.file, 'passed', false, 50, ARRAY[u.control_id]
    FROM unnest(${suites.map((x) => x.run)}::uuid[], ${suites.map((x) => x.s.name)}::text[],
                ${suites.map((x) => x.s.name.replace(/^Test/, "").toLowerCase())}::text[],
                ${suites.map((x) => x.s.file)}::text[],
                ${suites.map((x) => controlIdByTitle.get(x.s.control!)!)}::uuid[],
                ${suites.map((x) => x.s.total)}::int[])
         AS u(run_id, suite, stem, file, control_id, total)
    CROSS JOIN LATERAL generate_series(1, u.total) AS g`;
  const evidence = runs.flatMap((r) =>
    r.suites.map((s) => ({
      id: randomUUID(),
      controlId: controlIdByTitle.get(s.control!)!,
      title: `Tests ${s.total}/${s.total} passing — nightly CI @ ${label(r)}`,
      kind: "automated" as const,
      body: `${s.total} of ${s.total} mapped tests passed (0 skipped).`,
      testRunId: r.id,
      evidenceDate: startOfUtcDay(r.at),
      expiresOn: addDays(r.at, 7),
      reviewState: "accepted" as const,
      reviewedAt: now,
    })),
  );
  await tx.evidence.createMany({ data: evidence.map(({ controlId: _, ...e }) => e) });
  await tx.evidenceControl.createMany({
    data: evidence.map((e) => ({ evidenceId: e.id, controlId: e.controlId })),
  });
  await recordActivity(tx, actor, {
    action: "test_run.ingest",
    entityType: "test_run",
    summary: `Loaded the demo's nightly CI history: ${runs.length} runs from ${isoDay(runs[0]!.at)} to ${isoDay(runs[runs.length - 1]!.at)}, the tenant-isolation suite missing ${TENANT_SUITE_GAP.from}–${TENANT_SUITE_GAP.to} days ago`,
  });
  return runs.length;
}
