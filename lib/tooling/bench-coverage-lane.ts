// The backlog year and the figures read from it: the coverage data (`--only-coverage`), and the
// in-process queries of the backlog page, the phase list and status (`--pages`: bench.ts again,
// forked by the lane after its pull, on the lane's database with the pulled events).
import type { Database } from "../db/open";
import { ensureCatalog } from "../db/bootstrap";
import { computeWorkspaceStatus } from "../status/compute";
import { coverageBench } from "./bench-coverage";
import { freshDatabase } from "./bench-database";
import { loadAverage, serve, unserve } from "./bench-util";

const BACKLOG_ITEMS = 5_000;

const BENCH_ADMIN = {
  kind: "user" as const,
  id: "00000000-0000-4000-8000-000000000000",
  email: "bench",
  name: "bench",
  role: "admin" as const,
  accessExpiresAt: null,
};

/** 5,000 backlog items created across 365 days, two thirds of them verified three days later. */
async function seedBacklogYear(prisma: Database["prisma"]): Promise<void> {
  await prisma.$executeRawUnsafe(`
    INSERT INTO "backlog_items" ("id", "key", "title", "priority", "status", "created_at", "updated_at")
    SELECT gen_random_uuid(), 'BL-' || (100000 + g), 'Generated item ' || g, (ARRAY['P0','P1','P2','P3'])[1 + g % 4]::"BacklogPriority",
           (CASE WHEN g % 3 = 0 THEN 'open' ELSE 'verified' END)::"BacklogStatus", now() - (g % 365) * interval '1 day', now()
    FROM generate_series(1, ${BACKLOG_ITEMS}) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "backlog_transitions" ("item_id", "at", "from", "to")
    SELECT "id", "created_at", NULL::"BacklogStatus", 'open'::"BacklogStatus" FROM "backlog_items" WHERE "title" LIKE 'Generated item %'
    UNION ALL
    SELECT "id", "created_at" + interval '3 days', 'open'::"BacklogStatus", "status" FROM "backlog_items" WHERE "title" LIKE 'Generated item %' AND "status" <> 'open'`);
}

/**
 * `--only-coverage`: the coverage part alone, on a fresh schema — the catalog, the backlog year,
 * then coverageBench (its year of daily audit-event counts, with each day's latest event, is what
 * coverage and status's silence checks read; the raw events are the pull's).
 */
export async function coverageLane(name: string, url: string | undefined): Promise<void> {
  const { d } = await freshDatabase(url);
  serve(d);
  try {
    await ensureCatalog(d.prisma);
    await seedBacklogYear(d.prisma);
    const figures = await coverageBench(d.prisma, BENCH_ADMIN);
    console.log(
      `${name.padEnd(11)} coverage with ${BACKLOG_ITEMS.toLocaleString("en")} backlog items and a year of daily audit-event counts, load average ${loadAverage()} at the end:`,
    );
    for (const f of figures) console.log(`${"".padEnd(11)}   ${f}`);
  } finally {
    await d.close();
    unserve();
  }
}

/**
 * A year of remediation work (5,000 backlog items, created across 365 days, two thirds of them
 * verified since) and the queries behind the backlog page, the phase list and status.
 */
export async function pageBench(name: string, url: string | undefined, dataDir: string) {
  // The pages' own data layer opens the database, as in the server: told where by environment.
  if (url) process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  process.env.TRUSTBOARD_DATA_DIR = dataDir;
  const { database } = await import("../db");
  const { listBacklog, backlogCharts } = await import("../backlog/backlog-queries");
  const { backlogFilterSchema } = await import("../backlog/schemas");
  const { listPhases } = await import("../phases/phase-queries");
  const d = await database();
  try {
    await seedBacklogYear(d.prisma);
    const user = BENCH_ADMIN;
    const timed = async (label: string, fn: () => Promise<unknown>) => {
      await fn(); // the first call in a process also prepares the query
      const t = performance.now();
      await fn();
      return `${label} ${(performance.now() - t).toFixed(0)} ms`;
    };
    const figures = [
      await timed("backlog list (first 2,000 rows)", () =>
        listBacklog(user, backlogFilterSchema.parse({})),
      ),
      await timed("filtered to a criterion and overdue", () =>
        listBacklog(user, backlogFilterSchema.parse({ criterion: "CC6.1", overdue: "1" })),
      ),
      await timed("backlog charts (90 days)", () => backlogCharts(user)),
      await timed("phase list", () => listPhases(user)),
      await timed("status", () => computeWorkspaceStatus(user)),
    ];
    figures.push(...(await coverageBench(d.prisma, user)));
    console.log(
      `${name.padEnd(11)} with ${BACKLOG_ITEMS.toLocaleString("en")} backlog items over a year (in-process queries): ${figures.join("; ")}`,
    );
  } finally {
    await d.close();
    unserve();
  }
}
