// `npm run bench`: measured figures, printed (not timed tests) and, with `--json FILE`, written
// to FILE. Test results: a generated 10,000-case JUnit file, parse-only and end-to-end ingest,
// on PGlite and — when BENCH_DATABASE_URL or TEST_DATABASE_URL is set — on PostgreSQL; the
// hostile 1.2 MB file (20,000 suite properties, 20,000 cases) in a fresh process; an audit-event
// pull of BENCH_EVENTS rows from a generated PostgreSQL table, in a process of its own so its
// peak memory is its own; status for all criteria after it; an audit package of 1,000 evidence files totalling 1 GB,
// likewise in a process of its own (`--only-package` runs just that part; `--only-coverage` the
// coverage figures on a fresh schema); the code query audit
// of a generated 10,000-file repository (`--only-code-audit`). Ends with the targets table.
// `--only-ingest` runs just the ingest lanes (four files and the hostile file per database).
import { fork } from "node:child_process";
import type { HostileFigure } from "./bench-hostile-child";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase, type Database } from "../db/open";
import type { SystemActor } from "../auth/actor";
import { ensureCatalog } from "../db/bootstrap";
import { parseTestResults } from "../collectors/test-results/parse";
import { ingestTestResults } from "../collectors/test-results/ingest";
import { computeWorkspaceStatus } from "../status/compute";
import { coverageBench } from "./bench-coverage";
import { codeAuditBench } from "./bench-code-audit";
import { seedPackageWorkspace, PACKAGE_FILES } from "./bench-package";
import { postureBench } from "./bench-posture";
import { makeSource } from "./bench-pull";
import { pageRun, pushBench, signIn, startServer } from "./bench-server";
import { YEAR, seedYear } from "./bench-year";

const CASES = 10_000;

/** The figures of one lane; the keys are those of `--json` (issue 15), null when not measured. */
interface LaneFigures {
  ingestFirstCasesPerSec: number | null;
  ingestWarmCasesPerSec: number | null;
  pullEventsPerSec: number | null;
  pullPeakRssMb: number | null;
  statusFirstMs: number | null;
  statusWarmMs: number | null;
  pagesP95Ms: Record<string, number>;
  serverRssMb: number | null;
  /** Issue 14: a posture scan of a 500-table database, end to end. */
  postureScan500TablesMs: number | null;
  /** Audit events pushed over POST /api/v1/audit-events, and the server's RSS after them. */
  pushEventsPerSec: number | null;
  pushServerRssMb: number | null;
}

const emptyFigures = (): LaneFigures => ({
  ingestFirstCasesPerSec: null,
  ingestWarmCasesPerSec: null,
  pullEventsPerSec: null,
  pullPeakRssMb: null,
  statusFirstMs: null,
  statusWarmMs: null,
  pagesP95Ms: {},
  serverRssMb: null,
  postureScan500TablesMs: null,
  pushEventsPerSec: null,
  pushServerRssMb: null,
});

function junit(n: number, seed: number): string {
  const parts = [`<?xml version="1.0"?><testsuites>`];
  for (let s = 0; s < n / 100; s++) {
    parts.push(
      `<testsuite name="suite${s}" tests="100"><properties><property name="soc2" value="CC${6 + (s % 3)}.${1 + (s % 3)}"/></properties>`,
    );
    for (let i = 0; i < 100; i++) {
      const fail = (s * 100 + i + seed) % 97 === 0;
      parts.push(
        `<testcase classname="pkg.Suite${s}" name="test_${s}_${i}" time="0.01">${fail ? `<failure message="expected true">AssertionError at line ${i}</failure>` : ""}</testcase>`,
      );
    }
    parts.push("</testsuite>");
  }
  parts.push("</testsuites>");
  return parts.join("\n");
}

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
const rate = (n: number, ms: number) => `${perSec(n, ms).toLocaleString("en")} /s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const BENCH: SystemActor = { kind: "system", id: null, email: "bench" };

/** The data layer reaches the database through db(): point it at the lane's database. */
function serve(d: Database): void {
  (globalThis as { __trustboardDb?: Promise<Database> }).__trustboardDb = Promise.resolve(d);
}

function unserve(): void {
  (globalThis as { __trustboardDb?: unknown }).__trustboardDb = undefined;
}

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
 * BENCH_EVENTS audit events written straight into audit_events (status probes their latest per
 * action; coverage reads the daily counts the coverage bench writes), then coverageBench.
 */
async function coverageLane(name: string, url: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
  if (url) await resetSchema(url);
  const d = await openDatabase({ url, dataDir, migrate: true });
  serve(d);
  try {
    await ensureCatalog(d.prisma);
    await seedBacklogYear(d.prisma);
    const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
    await d.prisma.$executeRawUnsafe(`
      INSERT INTO "audit_events" ("occurred_at", "action", "actor")
      SELECT now() - (g * 31 || ' seconds')::interval, (ARRAY['login','logout','login_failed','permission_changed','access_denied'])[1 + g % 5],
             'user' || (g % 5000) || '@example.com'
      FROM generate_series(1, ${events}) g`);
    const figures = await coverageBench(d.prisma, BENCH_ADMIN);
    console.log(
      `${name.padEnd(11)} coverage with ${BACKLOG_ITEMS.toLocaleString("en")} backlog items and ${events.toLocaleString("en")} audit events, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} at the end:`,
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
async function pageBench(name: string, url: string | undefined, dataDir: string) {
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

/** Runs this file again in a child process in `mode`; resolves with what the child sends. */
function runChild<T>(
  mode: string,
  args: string[],
  entry?: string,
  entryFlags = ["--liftoff-only"],
): Promise<T> {
  return new Promise((resolve, reject) => {
    // The same malloc setting as `npm start` and `npm run cli` (see lib/tooling/start.ts).
    const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };
    // An entry of its own runs `args` alone; otherwise this file again, in `mode`.
    // The packaging child runs as `npm run cli` does: WebAssembly on V8's baseline compiler
    // only (--liftoff-only, see README "Audit package"), which keeps Prisma's query compiler
    // from growing by about 50 MB of optimised code while the package's data is read.
    const child = entry
      ? fork(path.join(__dirname, entry), args, {
          stdio: "inherit",
          env,
          execArgv: [...process.execArgv, ...entryFlags],
        })
      : fork(__filename, [mode, ...args], { stdio: "inherit", env });
    let result: T | undefined;
    child.on("message", (m) => (result = m as T));
    child.on("exit", (code) =>
      code === 0 && result !== undefined
        ? resolve(result)
        : reject(new Error(`bench child (${mode}) exited with ${code}`)),
    );
  });
}

/** The audit-event pull, in a process that loads only the pull (bench-pull-child.ts). */
function pullLane(
  name: string,
  url: string | undefined,
  dataDir: string,
  sourceUrl: string,
  rows: number,
): Promise<Partial<LaneFigures>> {
  return runChild<Partial<LaneFigures>>(
    "--pull",
    [name, url ?? "", dataDir, sourceUrl, String(rows)],
    "bench-pull-child.ts",
  );
}

/**
 * `--only-pull`: the pull alone — a fresh schema of BENCH_DATABASE_URL, BENCH_EVENTS source rows
 * (default 1,000,000), pulled into PostgreSQL, then a tenth of them into a fresh PGlite.
 */
async function pullOnly(url: string): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  await resetSchema(url);
  console.log(`Generating ${events.toLocaleString("en")} audit events in the source table…`);
  await makeSource(url, events);
  // A fresh database with its catalog (status needs it), closed before the child opens it.
  const fresh = async (dbUrl: string | undefined) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
    const d = await openDatabase({ url: dbUrl, dataDir, migrate: true });
    await ensureCatalog(d.prisma);
    await d.close();
    return dataDir;
  };
  console.log(`Load average before the pulls: ${load()}`);
  const pg = await pullLane("PostgreSQL", url, await fresh(url), url, events);
  const lite = await pullLane("PGlite", undefined, await fresh(undefined), url, events / 10);
  console.log(`Load average after the pulls: ${load()}`);
  const jsonAt = process.argv.indexOf("--json");
  if (jsonAt >= 0 && process.argv[jsonAt + 1])
    writeFileSync(
      process.argv[jsonAt + 1]!,
      JSON.stringify({ postgres: pg, pglite: lite }, null, 2) + "\n",
    );
}

async function resetSchema(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await c.end();
}

async function lane(
  name: string,
  url: string | undefined,
  pull?: { sourceUrl: string; rows: number; prepare?: () => Promise<void> },
): Promise<{ figures: LaneFigures; hostile: HostileFigure }> {
  const figures = emptyFigures();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
  if (url) await resetSchema(url);
  const d = await openDatabase({ url, dataDir, migrate: true });
  serve(d);
  try {
    await ensureCatalog(d.prisma);
    for (const [i, id] of ["CC6.1", "CC7.2"].entries()) {
      await d.prisma.control.create({
        data: {
          ref: `CTL-${900 + i}`,
          title: `bench ${id}`,
          implementation: "implemented",
          criteria: { create: [{ criterionId: id }] },
        },
      });
    }
    // Four different files: the first after a start also pays for warming up the process.
    const ingestMs: number[] = [];
    let mapped = 0;
    for (let i = 1; i <= 4; i++) {
      const file = junit(CASES, i);
      const t = performance.now();
      mapped = (await ingestTestResults(BENCH, file, { via: "api", source: "bench" })).mapped.tests;
      ingestMs.push(performance.now() - t);
    }
    figures.ingestFirstCasesPerSec = perSec(CASES, ingestMs[0]!);
    figures.ingestWarmCasesPerSec = perSec(CASES, median(ingestMs.slice(1)));
    console.log(
      `${name.padEnd(11)} ingest ${CASES.toLocaleString("en")} cases end-to-end, four files: ${ingestMs.map((ms) => `${ms.toFixed(0)} ms (${rate(CASES, ms)})`).join(", ")}; mapped ${mapped} each; RSS ${mb(process.memoryUsage().rss)}`,
    );
  } finally {
    await d.close();
    unserve();
  }
  // A PGlite directory is opened by one process at a time: the lane closed it first.
  // Without --liftoff-only: the server that receives such a file does not run with it either.
  const hostile = await runChild<HostileFigure>(
    "--hostile",
    [url ?? "", dataDir],
    "bench-hostile-child.ts",
    [],
  );
  if (pull) {
    await pull.prepare?.();
    Object.assign(figures, await pullLane(name, url, dataDir, pull.sourceUrl, pull.rows));
    await runChild<unknown>("--pages", [name, url ?? "", dataDir]);
  }
  return { figures, hostile };
}

/** The main pages of the page run; `:control` is one of the generated controls. */
const PAGES = [
  "/",
  "/criteria",
  "/criteria/CC6.1",
  "/controls",
  "/controls/:control",
  "/evidence",
  "/tests",
  "/audit",
  "/backlog",
  "/phases",
  "/activity",
];

/**
 * The production server on a year of data: the year (but its audit events) generated with bulk
 * SQL, the server started on it, `bodies` × `perBody` audit events pushed over the API (they
 * are the year's audit events), then each main page requested 50 times as a signed-in admin.
 */
async function serverLane(
  name: string,
  url: string | undefined,
  bodies: number,
  perBody: number,
): Promise<Partial<LaneFigures>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
  if (url) await resetSchema(url);
  const email = "bench-admin@example.com";
  const password = "bench password for the page run";
  const d = await openDatabase({ url, dataDir, migrate: true });
  serve(d);
  let token: string;
  let controlId: string;
  try {
    await ensureCatalog(d.prisma);
    console.log(`${name.padEnd(11)} generating a year of data…`);
    const t = performance.now();
    const { setupFirstAdmin } = await import("../users/setup");
    const { createToken } = await import("../collectors/tokens");
    const adminId = await seedYear(d, async () => {
      await setupFirstAdmin({ email, name: "Bench admin", password });
      return (await d.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    });
    const admin = {
      kind: "user" as const,
      id: adminId,
      email,
      name: "Bench admin",
      role: "admin" as const,
      accessExpiresAt: null,
    };
    token = (
      await createToken(admin, { name: "bench push", scopes: ["audit-events"], expiresAt: null })
    ).token;
    controlId = (await d.prisma.control.findUniqueOrThrow({ where: { ref: "YC-001" } })).id;
    console.log(
      `${name.padEnd(11)} generated ${YEAR.activity.toLocaleString("en")} activity rows, ${YEAR.runs} runs of ${YEAR.casesPerRun.toLocaleString("en")} cases, ${YEAR.evidence.toLocaleString("en")} evidence items with revisions, ${YEAR.backlog.toLocaleString("en")} backlog items in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await d.close();
    unserve();
  }
  const out: Partial<LaneFigures> = {};
  const server = await startServer({
    url,
    dataDir,
    port: Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3199),
  });
  try {
    // On a shared machine the figures follow the load: print it with them.
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ");
    console.log(`${name.padEnd(11)} load average before the push: ${load()}`);
    const push = await pushBench(server, token, bodies, perBody);
    out.pushEventsPerSec = push.eventsPerSec;
    out.pushServerRssMb = push.afterRssMb;
    console.log(
      `${name.padEnd(11)} push ${(bodies * perBody).toLocaleString("en")} audit events over the API as ${bodies} JSON Lines bodies: ${push.eventsPerSec.toLocaleString("en")} events/s (${push.eventsPerServerCpuSec.toLocaleString("en")} per CPU-second of the server); server RSS peak ${push.peakRssMb} MB, ${push.afterRssMb} MB 5 s after the last body`,
    );
    const cookie = await signIn(server.base, email, password);
    const pages = await pageRun(
      server,
      cookie,
      PAGES.map((p) => p.replace(":control", controlId)),
      Number(process.env.BENCH_PAGE_TIMES ?? 50),
    );
    out.serverRssMb = server.rssMb();
    out.pagesP95Ms = Object.fromEntries(
      pages.map((p) => [p.path.replace(controlId, ":id"), p.p95]),
    );
    console.log(`${name.padEnd(11)} pages with a year of data (p50 / p95 over the requests):`);
    for (const p of pages)
      console.log(
        `${"".padEnd(11)}   ${p.path.replace(controlId, ":id").padEnd(18)} ${String(p.p50).padStart(5)} ms / ${String(p.p95).padStart(5)} ms`,
      );
    console.log(
      `${name.padEnd(11)} server RSS after the page run: ${out.serverRssMb} MB (load average ${load()})`,
    );
  } finally {
    await server.stop();
  }
  return out;
}

type Lane = { figures: LaneFigures; hostile: HostileFigure } | null;

/** figure | target | measured, per lane; "not measured" where the bench has no figure. */
function targetsTable(pg: Lane, lite: Lane): string {
  const show = (v: number | null | undefined, unit: string) =>
    v === null || v === undefined ? "not measured" : `${v.toLocaleString("en")} ${unit}`;
  const verdict = (ok: boolean | null) => (ok === null ? "" : ok ? " ✓" : " ✗");
  const rows: [string, string, (l: NonNullable<Lane>) => string][] = [];
  const f =
    (pick: (x: LaneFigures) => number | null, unit: string, ok: (v: number) => boolean) =>
    (l: NonNullable<Lane>) => {
      const v = pick(l.figures);
      return `${show(v, unit)}${verdict(v === null ? null : ok(v))}`;
    };
  const pgIngest = pg?.figures.ingestWarmCasesPerSec ?? null;
  rows.push(
    [
      "JUnit ingest, first file after a start",
      "≥ 40,000 cases/s (PGlite within 2× of PostgreSQL)",
      f(
        (x) => x.ingestFirstCasesPerSec,
        "cases/s",
        (v) => v >= 40_000,
      ),
    ],
    [
      "JUnit ingest, warm",
      "≥ 40,000 cases/s (PGlite within 2× of PostgreSQL)",
      f(
        (x) => x.ingestWarmCasesPerSec,
        "cases/s",
        (v) => v >= 40_000,
      ),
    ],
    [
      "Audit-event pull PostgreSQL → Trustboard",
      "≥ 100,000 events/s",
      f(
        (x) => x.pullEventsPerSec,
        "events/s",
        (v) => v >= 100_000,
      ),
    ],
    [
      "Peak RSS of the pulling process (no heap cap)",
      "< 200 MB",
      f(
        (x) => x.pullPeakRssMb,
        "MB",
        (v) => v < 200,
      ),
    ],
    [
      "Status of all 61 criteria, first",
      "< 200 ms",
      f(
        (x) => x.statusFirstMs,
        "ms",
        (v) => v < 200,
      ),
    ],
    [
      "Status of all 61 criteria, warm",
      "< 100 ms",
      f(
        (x) => x.statusWarmMs,
        "ms",
        (v) => v < 100,
      ),
    ],
    [
      "Server-rendered pages with a year of data, p95",
      "< 150 ms",
      (l) => {
        const p = Object.values(l.figures.pagesP95Ms);
        return p.length
          ? `${Math.max(...p)} ms (worst page)${verdict(Math.max(...p) < 150)}`
          : "not measured";
      },
    ],
    [
      "Server RSS after the page run",
      "< 400 MB",
      f(
        (x) => x.serverRssMb,
        "MB",
        (v) => v < 400,
      ),
    ],
    [
      "PostgreSQL posture scan, 500 tables (issue 14)",
      "< 5 s",
      f(
        (x) => x.postureScan500TablesMs,
        "ms",
        (v) => v < 5000,
      ),
    ],
    [
      "Audit events pushed over the API (JSON Lines)",
      "≥ 50,000 events/s",
      f(
        (x) => x.pushEventsPerSec,
        "events/s",
        (v) => v >= 50_000,
      ),
    ],
    [
      "Server RSS after the pushes",
      "< 400 MB",
      f(
        (x) => x.pushServerRssMb,
        "MB",
        (v) => v < 400,
      ),
    ],
    [
      "Hostile JUnit file (1.2 MB: 20,000 suite properties, 20,000 cases)",
      "ingested or refused, < 300 MB",
      (l) =>
        `${l.hostile.outcome.replace(/:.*/, "")}, peak ${l.hostile.peakRssMb} MB (${l.hostile.beforeMb} MB before it, ${l.hostile.startMb} MB Node.js and tsx)${verdict(l.hostile.peakRssMb < 300)}`,
    ],
  );
  const lines = [
    "| Figure | Target | PostgreSQL | PGlite |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      ([figure, target, measured]) =>
        `| ${figure} | ${target} | ${pg ? measured(pg) : "not measured"} | ${lite ? measured(lite) : "not measured"} |`,
    ),
  ];
  if (pg && lite && pgIngest && lite.figures.ingestWarmCasesPerSec)
    lines.push(
      "",
      `PGlite warm ingest runs at ${Math.round((100 * lite.figures.ingestWarmCasesPerSec) / pgIngest)}% of PostgreSQL's (target: at least 50%).`,
    );
  return lines.join("\n");
}

/** The audit-package figure: seed a workspace of evidence files, then package it in a child. */
async function packageLane(name: string, url: string | undefined) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
  if (url) {
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await c.end();
  }
  const d = await openDatabase({ url, dataDir, migrate: true });
  try {
    console.log(`Generating ${PACKAGE_FILES.toLocaleString("en")} evidence files…`);
    await seedPackageWorkspace(d);
  } finally {
    await d.close();
  }
  await runChild<unknown>("--package", [name, url ?? "", dataDir], "bench-package-child.ts");
}

async function main() {
  const mode = process.argv[2];
  if (process.argv.includes("--only-posture")) {
    const r = await postureBench(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
    for (const line of r.lines) console.log(line);
    return;
  }
  if (process.argv.includes("--only-coverage")) {
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    return coverageLane(pg ? "PostgreSQL" : "PGlite", pg);
  }
  if (process.argv.includes("--only-package")) {
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    return packageLane(pg ? "PostgreSQL" : "PGlite", pg);
  }
  if (process.argv.includes("--only-server")) {
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const figures = pg
      ? await serverLane("PostgreSQL", pg, 10, 100_000)
      : await serverLane("PGlite", undefined, 10, 10_000);
    const jsonAt = process.argv.indexOf("--json");
    if (jsonAt >= 0 && process.argv[jsonAt + 1])
      writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(figures, null, 2) + "\n");
    return;
  }
  if (process.argv.includes("--only-ingest")) {
    // The ingest lanes alone (four files end to end, then the hostile file), no pull.
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const pgLane = pg ? await lane("PostgreSQL", pg) : null;
    const liteLane = await lane("PGlite", undefined);
    console.log(
      `\nLoad average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" ")}`,
    );
    console.log(targetsTable(pgLane, liteLane));
    return;
  }
  if (process.argv.includes("--only-code-audit")) {
    console.log(await codeAuditBench());
    return;
  }
  if (process.argv.includes("--only-pull")) {
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!pg) throw new Error("--only-pull needs BENCH_DATABASE_URL (the source table lives there)");
    return pullOnly(pg);
  }
  if (mode === "--pages") {
    const [name = "", url = "", dataDir = ""] = process.argv.slice(3);
    await pageBench(name, url || undefined, dataDir);
    process.send?.(true);
    return;
  }
  const jsonAt = process.argv.indexOf("--json");
  const jsonFile = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined;
  if (jsonAt >= 0 && !jsonFile) throw new Error("--json needs a file name");

  const file = junit(CASES, 0);
  parseTestResults(file); // warm-up
  const t = performance.now();
  const run = parseTestResults(file);
  const ms = performance.now() - t;
  console.log(
    `JUnit parse-only: ${run.totals.tests} cases (${(file.length / MB).toFixed(1)} MB) in ${ms.toFixed(0)} ms (${rate(run.totals.tests, ms)})`,
  );
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  // The source table is generated after the PostgreSQL ingest, so that ingest meets a quiet server.
  const prepare = (url: string) => async () => {
    console.log(`Generating ${events.toLocaleString("en")} audit events in the source table…`);
    await makeSource(url, events);
  };
  let pg: Lane = null;
  if (pgUrl)
    pg = await lane("PostgreSQL", pgUrl, {
      sourceUrl: pgUrl,
      rows: events,
      prepare: prepare(pgUrl),
    });
  else
    console.log(
      "PostgreSQL: set BENCH_DATABASE_URL (a throw-away database: its public schema is dropped) to measure it and the audit-event pull.",
    );
  // PGlite pulls a tenth, to keep the run short.
  const lite = await lane(
    "PGlite",
    undefined,
    pgUrl ? { sourceUrl: pgUrl, rows: Math.round(events / 10) } : undefined,
  );
  // The server lane: PostgreSQL pushes 1,000,000 events (10 bodies of 100,000), PGlite a tenth.
  if (pg) Object.assign(pg.figures, await serverLane("PostgreSQL", pgUrl, 10, 100_000));
  Object.assign(lite.figures, await serverLane("PGlite", undefined, 10, 10_000));
  await packageLane(pgUrl ? "PostgreSQL" : "PGlite", pgUrl);
  const posture = await postureBench(pgUrl);
  for (const line of posture.lines) console.log(line);
  if (pg) pg.figures.postureScan500TablesMs = posture.postgres;
  lite.figures.postureScan500TablesMs = posture.pglite;
  const code = await codeAuditBench();
  console.log(
    `Code query audit: ${code.files.toLocaleString("en")} files, ${code.statements.toLocaleString("en")} statements in ${code.ms} ms (target: < 30,000 ms)${code.ms < 30_000 ? " ✓" : " ✗"}`,
  );
  console.log(`\nTargets (issue 15), ${new Date().toISOString().slice(0, 10)}:\n`);
  console.log(targetsTable(pg, lite));
  if (jsonFile) {
    const empty = emptyFigures();
    writeFileSync(
      jsonFile,
      JSON.stringify(
        { postgres: pg?.figures ?? empty, pglite: lite.figures, codeAudit10kFilesMs: code.ms },
        null,
        2,
      ) + "\n",
    );
    console.log(`\nFigures written to ${jsonFile}.`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
