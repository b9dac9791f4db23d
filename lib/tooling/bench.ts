// `npm run bench`: measured figures, printed (not timed tests). Test results: a generated
// 10,000-case JUnit file, parse-only and end-to-end ingest, on PGlite and — when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set — on PostgreSQL; then the time to compute
// status for all criteria.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase } from "../db/open";
import { ensureCatalog } from "../db/bootstrap";
import { parseTestResults } from "../collectors/test-results/parse";
import { ingestTestResults } from "../collectors/test-results/ingest";
import { computeWorkspaceStatus } from "../status/compute";

const CASES = 10_000;

function junit(n: number, seed: number): string {
  const parts = [`<?xml version="1.0"?><testsuites>`];
  for (let s = 0; s < n / 100; s++) {
    parts.push(`<testsuite name="suite${s}" tests="100"><properties><property name="soc2" value="CC${6 + (s % 3)}.${1 + (s % 3)}"/></properties>`);
    for (let i = 0; i < 100; i++) {
      const fail = (s * 100 + i + seed) % 97 === 0;
      parts.push(`<testcase classname="pkg.Suite${s}" name="test_${s}_${i}" time="0.01">${fail ? `<failure message="expected true">AssertionError at line ${i}</failure>` : ""}</testcase>`);
    }
    parts.push("</testsuite>");
  }
  parts.push("</testsuites>");
  return parts.join("\n");
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString("en")} /s`;

async function lane(name: string, url: string | undefined) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));
  if (url) {
    const c = new Client({ connectionString: url });
    await c.connect();
    await c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await c.end();
  }
  const d = await openDatabase({ url, dataDir, migrate: true });
  try {
    await ensureCatalog(d.prisma);
    const admin = { id: null, email: "bench" };
    for (const [i, id] of ["CC6.1", "CC7.2"].entries()) {
      await d.prisma.control.create({ data: { ref: `CTL-${900 + i}`, title: `bench ${id}`, implementation: "implemented", criteria: { create: [{ criterionId: id }] } } });
    }
    const file = junit(CASES, 1);
    let t = performance.now();
    const ingested = await ingestTestResults(d.prisma, admin, file, { via: "api", source: "bench" });
    const ingestMs = performance.now() - t;
    t = performance.now();
    await computeWorkspaceStatus(d.prisma);
    const statusMs = performance.now() - t;
    console.log(`${name.padEnd(11)} ingest ${CASES} cases end-to-end: ${ingestMs.toFixed(0)} ms (${rate(CASES, ingestMs)}), mapped ${ingested.mapped.tests}; status for all 61 criteria: ${statusMs.toFixed(0)} ms; RSS ${mb(process.memoryUsage().rss)}`);
  } finally {
    await d.close();
  }
}

async function main() {
  const file = junit(CASES, 0);
  parseTestResults(file); // warm-up
  const t = performance.now();
  const run = parseTestResults(file);
  const ms = performance.now() - t;
  console.log(`JUnit parse-only: ${run.totals.tests} cases (${(file.length / 1024 / 1024).toFixed(1)} MB) in ${ms.toFixed(0)} ms (${rate(run.totals.tests, ms)})`);
  await lane("PGlite", undefined);
  const pg = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pg) await lane("PostgreSQL", pg);
  else console.log("PostgreSQL: set BENCH_DATABASE_URL (a throw-away database: its public schema is dropped) to measure it.");
  console.log("Audit events (1,000,000 from a PostgreSQL source): not measured yet — the audit-log collector is not built.");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
