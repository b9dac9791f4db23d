// `npm run bench`: measured figures, printed (not timed tests). Test results: a generated
// 10,000-case JUnit file, parse-only and end-to-end ingest, on PGlite and — when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set — on PostgreSQL; then the time to compute
// status for all criteria; and an audit-event pull of BENCH_EVENTS rows from a generated
// PostgreSQL table, in a process of its own so its peak memory is its own; and an audit package of
// 1,000 evidence files totalling 1 GB, likewise in a process of its own (`--only-package` runs
// just that part).
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase, type Database } from "../db/open";
import type { SystemActor } from "../auth/actor";
import { ensureCatalog } from "../db/bootstrap";
import { parseTestResults } from "../collectors/test-results/parse";
import { ingestTestResults } from "../collectors/test-results/ingest";
import { computeWorkspaceStatus } from "../status/compute";
import { encryptSecret } from "../collectors/audit/crypto";
import { pullSource } from "../collectors/audit/pg-source";
import { coverageBench } from "./bench-coverage";
import { packageChild, seedPackageWorkspace, PACKAGE_FILES } from "./bench-package";

const CASES = 10_000;
const PULL_HEAP_MB = 128;

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

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en")} /s`;

const BENCH: SystemActor = { kind: "system", id: null, email: "bench" };

/** The data layer reaches the database through db(): point it at the lane's database. */
function serve(d: Database): void {
  (globalThis as { __trustboardDb?: Promise<Database> }).__trustboardDb = Promise.resolve(d);
}

const SOURCE_SCHEMA = "trustboard_bench_src";
const KEY = "bench-key-0123456789abcdef0123456789";

/** The audited application's table: `rows` events generated inside PostgreSQL. */
async function makeSource(url: string, rows: number): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${SOURCE_SCHEMA} CASCADE; CREATE SCHEMA ${SOURCE_SCHEMA};
    CREATE TABLE ${SOURCE_SCHEMA}.core_auditlog (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, action text NOT NULL, user_email text, ip_address text, organization_id text)`);
  await c.query(`INSERT INTO ${SOURCE_SCHEMA}.core_auditlog (created_at, action, user_email, ip_address, organization_id)
    SELECT now() - (g || ' seconds')::interval, (ARRAY['login','logout','login_failed','permission_changed','access_denied'])[1 + g % 5],
           'user' || (g % 5000) || '@example.com', '10.' || (g % 250) || '.0.1', 'org' || (g % 40)
    FROM generate_series(1, ${rows}) g`);
  // A freshly written table would make the first reader set every row's hint bits.
  await c.query(`VACUUM ANALYZE ${SOURCE_SCHEMA}.core_auditlog`);
  await c.end();
}

/**
 * Runs in its own process (see main): the pull's memory is then what the pull itself needs,
 * not what the ingest lane or PGlite's WebAssembly heap left behind in the parent.
 */
async function pullChild(
  name: string,
  url: string | undefined,
  dataDir: string,
  sourceUrl: string,
  rows: number,
) {
  const d = await openDatabase({ url, dataDir, migrate: true });
  serve(d);
  try {
    const source = await d.prisma.auditSource.create({
      data: {
        name: `bench-${Date.now()}`,
        connectionEnc: encryptSecret(sourceUrl, KEY),
        tableName: `${SOURCE_SCHEMA}.core_auditlog`,
        cursorColumn: "id",
        columns: {
          time: "created_at",
          action: "action",
          actor: "user_email",
          ip: "ip_address",
          organisation: "organization_id",
        },
      },
    });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t = performance.now();
    const r = await pullSource(BENCH, source.id, {
      key: KEY,
      maxRows: rows,
      batchSize: Number(process.env.BENCH_PULL_BATCH ?? 10_000),
    });
    const ms = performance.now() - t;
    clearInterval(sampler);
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
    console.log(
      `${name.padEnd(11)} pull ${r.pulled.toLocaleString("en")} audit events from PostgreSQL: ${(ms / 1000).toFixed(1)} s (${rate(r.pulled, ms)}), peak RSS of the pulling process ${mb(peak)} (${mb(before)} before the pull; V8 heap capped at ${PULL_HEAP_MB} MB)`,
    );
    // The first computation in a fresh process also prepares Prisma's queries; the second is the steady state.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t2 = performance.now();
      await computeWorkspaceStatus(BENCH);
      times.push(performance.now() - t2);
    }
    console.log(
      `${name.padEnd(11)} status for all 61 criteria after the pull: ${times.map((x) => `${x.toFixed(0)} ms`).join(", ")} (first, then repeated)`,
    );
  } finally {
    await d.close();
    (globalThis as { __trustboardDb?: unknown }).__trustboardDb = undefined;
  }
  await pageBench(name, url, dataDir);
}

const BACKLOG_ITEMS = 5_000;

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
    await d.prisma.$executeRawUnsafe(`
      INSERT INTO "backlog_items" ("id", "key", "title", "priority", "status", "created_at", "updated_at")
      SELECT gen_random_uuid(), 'BL-' || (100000 + g), 'Generated item ' || g, (ARRAY['P0','P1','P2','P3'])[1 + g % 4]::"BacklogPriority",
             (CASE WHEN g % 3 = 0 THEN 'open' ELSE 'verified' END)::"BacklogStatus", now() - (g % 365) * interval '1 day', now()
      FROM generate_series(1, ${BACKLOG_ITEMS}) g`);
    await d.prisma.$executeRawUnsafe(`
      INSERT INTO "backlog_transitions" ("item_id", "at", "from", "to")
      SELECT "id", "created_at", NULL::"BacklogStatus", 'open'::"BacklogStatus" FROM "backlog_items" WHERE "title" LIKE 'Generated item %'
      UNION ALL
      SELECT "id", "created_at" + interval '3 days', 'open'::"BacklogStatus", "status" FROM "backlog_items" WHERE "title" LIKE 'Generated item %' AND "status" <> 'open'`);
    const user = {
      kind: "user" as const,
      id: "00000000-0000-4000-8000-000000000000",
      email: "bench",
      name: "bench",
      role: "admin" as const,
      accessExpiresAt: null,
    };
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
      `${name.padEnd(11)} with ${BACKLOG_ITEMS.toLocaleString("en")} backlog items over a year: ${figures.join("; ")}`,
    );
  } finally {
    await d.close();
    (globalThis as { __trustboardDb?: unknown }).__trustboardDb = undefined;
  }
}

function runChild(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // The heap cap shows the pull's working set is bounded: without it V8 lets garbage pile up
    // to well over 300 MB before collecting, at no gain in speed (README "Performance").
    const child = fork(__filename, args, {
      stdio: "inherit",
      execArgv: [...process.execArgv, `--max-old-space-size=${PULL_HEAP_MB}`],
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`bench child exited with ${code}`)),
    );
  });
}

async function lane(
  name: string,
  url: string | undefined,
  pull?: { sourceUrl: string; rows: number; prepare?: () => Promise<void> },
) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
  if (url) {
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await c.end();
  }
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
    // Three different files: the first also pays for preparing Prisma's queries in a fresh process.
    const ingestMs: number[] = [];
    let mapped = 0;
    for (let i = 1; i <= 3; i++) {
      const file = junit(CASES, i);
      const t = performance.now();
      mapped = (await ingestTestResults(BENCH, file, { via: "api", source: "bench" })).mapped.tests;
      ingestMs.push(performance.now() - t);
    }
    const t = performance.now();
    await computeWorkspaceStatus(BENCH);
    const statusMs = performance.now() - t;
    console.log(
      `${name.padEnd(11)} ingest ${CASES} cases end-to-end, three files: ${ingestMs.map((ms) => `${ms.toFixed(0)} ms (${rate(CASES, ms)})`).join(", ")}; mapped ${mapped} each; status for all 61 criteria: ${statusMs.toFixed(0)} ms; RSS ${mb(process.memoryUsage().rss)}`,
    );
  } finally {
    await d.close();
    (globalThis as { __trustboardDb?: unknown }).__trustboardDb = undefined;
  }
  // A PGlite directory is opened by one process at a time: the lane closed it first.
  if (!pull) return;
  await pull.prepare?.();
  await runChild(["--pull", name, url ?? "", dataDir, pull.sourceUrl, String(pull.rows)]);
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
  await runChild(["--package", name, url ?? "", dataDir]);
}

async function main() {
  const packaging = process.argv.indexOf("--package");
  if (packaging >= 0) {
    const [name = "", url = "", dataDir = ""] = process.argv.slice(packaging + 1);
    process.env.TRUSTBOARD_DATA_DIR = dataDir;
    const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
    serve(d);
    try {
      return await packageChild(name, BENCH);
    } finally {
      await d.close();
    }
  }
  if (process.argv.includes("--only-package")) {
    const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    return packageLane(pg ? "PostgreSQL" : "PGlite", pg);
  }
  const at = process.argv.indexOf("--pull");
  if (at >= 0) {
    const [name = "", url = "", dataDir = "", sourceUrl = "", rows = "0"] = process.argv.slice(
      at + 1,
    );
    return pullChild(name, url || undefined, dataDir, sourceUrl, Number(rows));
  }
  const file = junit(CASES, 0);
  parseTestResults(file); // warm-up
  const t = performance.now();
  const run = parseTestResults(file);
  const ms = performance.now() - t;
  console.log(
    `JUnit parse-only: ${run.totals.tests} cases (${(file.length / 1024 / 1024).toFixed(1)} MB) in ${ms.toFixed(0)} ms (${rate(run.totals.tests, ms)})`,
  );
  const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  // The source table is generated after the PostgreSQL ingest, so that ingest meets a quiet server.
  const prepare = (url: string) => async () => {
    console.log(`Generating ${events.toLocaleString("en")} audit events in the source table…`);
    await makeSource(url, events);
  };
  if (pg) await lane("PostgreSQL", pg, { sourceUrl: pg, rows: events, prepare: prepare(pg) });
  else
    console.log(
      "PostgreSQL: set BENCH_DATABASE_URL (a throw-away database: its public schema is dropped) to measure it and the audit-event pull.",
    );
  // PGlite pulls a tenth, to keep the run short.
  await lane(
    "PGlite",
    undefined,
    pg ? { sourceUrl: pg, rows: Math.round(events / 10) } : undefined,
  );
  await packageLane(pg ? "PostgreSQL" : "PGlite", pg);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
