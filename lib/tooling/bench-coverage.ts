// `npm run bench`, coverage part: a year of data — 365 nightly runs of 60 mapped cases each,
// 1,000 evidence items, a year of daily audit-event counts (the table coverage reads; the raw
// events stay where the pull put them), P0/P1 backlog items linked to controls — and 50 controls
// over a 12-month audit period. Figures: coverage of all controls (records loaded in SQL and
// computed), status with coverage, and the data behind /coverage at p95.
import type { PrismaClient } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";

const CONTROLS = 50;

export async function coverageBench(prisma: PrismaClient, user: Actor): Promise<string[]> {
  const { computeWorkspaceStatus } = await import("../status/compute");
  const { loadCoverageRecords } = await import("../coverage/load-records");
  const { coverageMatrix } = await import("../coverage/coverage-view");
  const { coverageFilterSchema } = await import("../coverage/schemas");
  await prisma.$executeRawUnsafe(`
    UPDATE "workspace" SET "audit_period_start" = current_date - 364, "audit_period_end" = current_date`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "controls" ("id", "ref", "title", "implementation", "frequency", "created_at", "updated_at")
    SELECT gen_random_uuid(), 'CTL-B' || g, 'Coverage bench control ' || g, 'implemented',
           (ARRAY[NULL, 'daily', 'weekly', 'monthly', 'quarterly']::"ControlFrequency"[])[1 + g % 5],
           now() - interval '400 days', now()
    FROM generate_series(1, ${CONTROLS}) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "control_criteria" ("control_id", "criterion_id")
    SELECT c.id, (SELECT id FROM "criteria" ORDER BY "sort_order" OFFSET (substring(c.ref from 6)::int % 30) LIMIT 1)
    FROM "controls" c WHERE c.ref LIKE 'CTL-B%'`);
  // 365 nightly runs; each of 60 cases maps to one of the first ten bench controls, and one a
  // week fails.
  await prisma.$executeRawUnsafe(`
    WITH runs AS (
      INSERT INTO "test_runs" ("id", "content_sha256", "format", "started_at", "duration_ms", "tests", "passed", "failed", "errored", "skipped", "flaky", "ingested_via", "ingested_by")
      SELECT gen_random_uuid(), md5('bench-run-' || g), 'junit', current_date - g + interval '2 hours', 60000, 60, 59, 1, 0, 0, 0, 'api', 'bench'
      FROM generate_series(1, 365) g RETURNING "id", "started_at")
    INSERT INTO "test_case_results" ("run_id", "suite", "name", "status", "duration_ms", "control_ids")
    SELECT r.id, 'bench', 'case_' || k,
           (CASE WHEN k = 1 AND extract(doy FROM r.started_at)::int % 7 = 0 THEN 'failed' ELSE 'passed' END)::"TestCaseStatus", 10,
           ARRAY[(SELECT id FROM "controls" WHERE ref = 'CTL-B' || (1 + k % 10))]
    FROM runs r CROSS JOIN generate_series(1, 60) k`);
  await prisma.$executeRawUnsafe(`
    WITH ev AS (
      INSERT INTO "evidence" ("id", "title", "kind", "evidence_date", "renewal_days", "review_state", "updated_at")
      SELECT gen_random_uuid(), 'Bench evidence ' || g, 'note', current_date - (g * 7919 % 365), 90, 'accepted', now()
      FROM generate_series(1, 1000) g RETURNING "id", "title")
    INSERT INTO "evidence_controls" ("evidence_id", "control_id")
    SELECT ev.id, (SELECT id FROM "controls" WHERE ref = 'CTL-B' || (1 + substring(ev.title from 16)::int % ${CONTROLS})) FROM ev`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "audit_event_daily" ("action", "day", "count", "last_at")
    SELECT a, current_date - g, 2700, (current_date - g + time '12:00') AT TIME ZONE 'UTC'
    FROM unnest(ARRAY['login','logout','login_failed','permission_changed','access_denied']) a
    CROSS JOIN generate_series(0, 364) g WHERE NOT (a = 'login_failed' AND g BETWEEN 100 AND 140)
    ON CONFLICT ("action", "day") DO UPDATE SET "count" = EXCLUDED."count", "last_at" = EXCLUDED."last_at"`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "expected_events" ("id", "control_id", "action", "max_silence_days")
    SELECT gen_random_uuid(), c.id, (ARRAY['login_failed','permission_changed','access_denied'])[1 + substring(c.ref from 6)::int % 3], 7
    FROM "controls" c WHERE c.ref IN ('CTL-B11', 'CTL-B12', 'CTL-B13')`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "backlog_controls" ("item_id", "control_id")
    SELECT b.id, (SELECT id FROM "controls" WHERE ref = 'CTL-B' || (1 + substring(b.key from 4)::int % ${CONTROLS}))
    FROM "backlog_items" b WHERE b.priority IN ('P0', 'P1')`);
  await prisma.$executeRawUnsafe(`ANALYZE`);

  const [ws] = await prisma.$queryRawUnsafe<{ start: Date; end: Date }[]>(
    `SELECT "audit_period_start" AS start, "audit_period_end" + 1 AS end FROM "workspace"`,
  );
  const period = { start: ws!.start, end: ws!.end };
  // `before` runs untimed ahead of each timed call.
  const times = async (n: number, fn: () => Promise<unknown>, before?: () => Promise<unknown>) => {
    await before?.();
    await fn(); // the first call in a process also prepares the query
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < n; i++) {
      await before?.();
      const c = process.cpuUsage();
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    ms.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return {
      median: ms[Math.floor(n / 2)]!,
      p95: ms[Math.min(n - 1, Math.ceil(n * 0.95) - 1)]!,
      // CPU time of this process (the JavaScript side, Prisma's query compiler, PGlite when
      // embedded); PostgreSQL's own work is in its backend. Less distorted by a loaded machine.
      cpu: cpu[Math.floor(n / 2)]!,
    };
  };
  const { coverageInput } = await import("../coverage/assemble");
  const { computeCoverage } = await import("../coverage/coverage");
  const { resolveExpiry } = await import("../status/expiry");
  // Coverage alone: the controls with their evidence, the aggregated records, the computation.
  const coverageOfAll = async () => {
    const [controls, recs] = await Promise.all([
      prisma.control.findMany({
        where: { archivedAt: null },
        select: {
          id: true,
          frequency: true,
          createdAt: true,
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
      loadCoverageRecords(prisma, period),
    ]);
    const now = new Date();
    return controls.map((c) =>
      computeCoverage(
        coverageInput(
          c,
          c.evidence.map(({ evidence: e }) => ({
            ...e,
            state: e.reviewState,
            expiresAt: resolveExpiry(e),
          })),
          recs,
        ),
        { period, now },
      ),
    );
  };
  const records = await times(10, () => loadCoverageRecords(prisma, period));
  const all = await times(10, coverageOfAll);
  const status = await times(10, () => computeWorkspaceStatus(user));
  // Pages memoise status on the data version (lib/status/status-memo.ts): measured after a
  // write (a statement on a table status reads that changes no row still moves the version, so
  // each request computes) and with nothing changed since the last request.
  const change = () => prisma.$executeRawUnsafe(`UPDATE "criteria" SET "id" = "id" WHERE false`);
  const coveragePage = () => coverageMatrix(user, coverageFilterSchema.parse({}));
  const page = await times(20, coveragePage, change);
  const pageMemo = await times(20, coveragePage);
  const cpu = (f: { cpu: number }) => `${f.cpu.toFixed(0)} ms CPU of this process median`;
  return [
    `coverage of all ${CONTROLS + 2} controls over 12 months ${all.median.toFixed(0)} ms median, ${all.p95.toFixed(0)} ms p95, ${cpu(all)} (of which the SQL aggregates ${records.median.toFixed(0)} ms median, ${cpu(records)})`,
    `status with coverage of every control ${status.median.toFixed(0)} ms median, ${status.p95.toFixed(0)} ms p95, ${cpu(status)}`,
    `/coverage data (status, controls, heat map) after a change ${page.median.toFixed(0)} ms median, ${page.p95.toFixed(0)} ms p95, ${cpu(page)}`,
    `/coverage data, nothing changed since the last request (memoised status) ${pageMemo.median.toFixed(0)} ms median, ${pageMemo.p95.toFixed(0)} ms p95, ${cpu(pageMemo)}`,
  ];
}
