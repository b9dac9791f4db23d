import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { PAGE_SIZE, pageWindow, type PageWindow } from "@/lib/paging/page-window";

export async function listRuns(actor: Actor | null, take = 50) {
  authorize(actor, "results.read");
  return (await db()).testRun.findMany({
    orderBy: [{ startedAt: "desc" }, { ingestedAt: "desc" }],
    take,
  });
}

export interface UnmappedTest {
  suite: string;
  classname: string | null;
  name: string;
  file: string | null;
  lastStatus: string;
}

/**
 * Tests from the last 10 runs that no tag or rule maps to a control yet: one page of them in
 * name order, with how many there are. Read from unmapped_tests (per test, its newest unmapped
 * run, kept by triggers): a test is unmapped in one of the last runs exactly when its newest
 * unmapped run is one of them, and its status there is the one shown. The page no longer reads
 * or sorts the cases of those runs. The table is read whole (one row per distinct unmapped test):
 * an index on the run would make every ingest's moves of these rows cost index writes.
 */
export async function listUnmappedTests(
  actor: Actor | null,
  page = 1,
): Promise<{ tests: UnmappedTest[]; slice: PageWindow }> {
  authorize(actor, "results.read");
  const read = (offset: number) =>
    db().then(
      (prisma) => prisma.$queryRaw<(UnmappedTest & { total: number })[]>`
    WITH recent AS (
      SELECT id FROM "test_runs" ORDER BY started_at DESC, ingested_at DESC LIMIT 10
    )
    SELECT u.suite, u.classname, u.name, u.file, u.last_status::text AS "lastStatus",
           count(*) OVER ()::int AS total
    FROM "unmapped_tests" u WHERE u.last_run_id IN (SELECT id FROM recent)
    ORDER BY u.suite, u.classname, u.name, u.file
    LIMIT ${PAGE_SIZE} OFFSET ${offset}`,
    );
  let rows = await read((Math.max(1, page) - 1) * PAGE_SIZE);
  // Past the end: the window count comes only with rows, so read the last page.
  if (rows.length === 0 && page > 1) {
    const [first] = await read(0);
    if (first) rows = await read(pageWindow(first.total, page).offset);
  }
  const slice = pageWindow(rows[0]?.total ?? 0, page);
  return { tests: rows.map(({ total: _total, ...t }) => t), slice };
}

export async function listRules(actor: Actor | null) {
  authorize(actor, "results.read");
  return (await db()).testMappingRule.findMany({
    orderBy: { createdAt: "desc" },
    include: {
      control: { select: { ref: true, title: true } },
      createdBy: { select: { email: true } },
    },
  });
}

export interface ControlRunPoint {
  runId: string;
  startedAt: Date;
  source: string | null;
  commit: string | null;
  total: number;
  passed: number;
  failing: number;
}

interface FailingCase {
  name: string;
  suite: string;
  message: string | null;
  status: "failed" | "errored";
}

/** Per run, the pass rate of the tests mapped to one control (newest last, up to 60 runs). */
export async function controlTestHistory(actor: Actor | null, controlId: string) {
  authorize(actor, "results.read");
  const prisma = await db();
  const points = await prisma.$queryRaw<ControlRunPoint[]>`
    SELECT "runId", "startedAt", source, commit, total, passed, failing FROM (
      SELECT r.id::text AS "runId", r.started_at AS "startedAt", r.source, r.commit,
             t.total, t.passed, t.failing, r.ingested_at
      FROM "test_run_controls" t JOIN "test_runs" r ON r.id = t.run_id
      WHERE t.control_id = ${controlId}::uuid
      ORDER BY r.started_at DESC, r.ingested_at DESC, r.id DESC LIMIT 60
    ) t
    -- Runs that started at the same instant in the order they arrived, as status orders them
    -- (test-signals.ts, which also passes over runs that are not current for the control).
    ORDER BY "startedAt" ASC, ingested_at ASC, "runId" ASC`;
  const latest = points[points.length - 1];
  // The run's counts say whether it has failing cases: most controls' latest run has none. The
  // status condition is written out so that the planner matches the failing-case index.
  const failing =
    latest && latest.failing > 0
      ? await prisma.$queryRaw<FailingCase[]>`
          SELECT "name", "suite", "message", "status"::text AS "status" FROM "test_case_results"
          WHERE "run_id" = ${latest.runId}::uuid AND "status" IN ('failed', 'errored')
            AND "control_ids" @> ARRAY[${controlId}::uuid]
          ORDER BY "name" LIMIT 100`
      : [];
  return { points, latest: latest ?? null, failing };
}

export async function listDirectories(actor: Actor | null) {
  authorize(actor, "results.read");
  return (await db()).resultDirectory.findMany({ orderBy: { name: "asc" } });
}
