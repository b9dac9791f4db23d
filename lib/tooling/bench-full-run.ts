// `npm run bench` without an `--only-*` flag: every figure, database by database, then the
// targets table and, with `--json FILE`, the figures written to FILE.
import { parseTestResults } from "../collectors/test-results/parse";
import { codeAuditBench } from "./bench-code-audit";
import { benchDatabaseUrl } from "./bench-database";
import { emptyFigures, writeJson, type Lane } from "./bench-figures";
import { CASES, ingestLanes, junit } from "./bench-ingest";
import { lane, packageLane } from "./bench-lanes";
import { postureBench } from "./bench-posture";
import { makeSource } from "./bench-pull";
import { serverLane } from "./bench-server-lane";
import { targetsTable } from "./bench-targets";
import { MB, rate } from "./bench-util";

export async function fullRun(jsonFile: string | undefined): Promise<void> {
  const file = junit(CASES, 0);
  parseTestResults(file); // warm-up
  const t = performance.now();
  const run = parseTestResults(file);
  const ms = performance.now() - t;
  console.log(
    `JUnit parse-only: ${run.totals.tests} cases (${(file.length / MB).toFixed(1)} MB) in ${ms.toFixed(0)} ms (${rate(run.totals.tests, ms)})`,
  );
  const pgUrl = benchDatabaseUrl();
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  // The source table is generated after the ingests, so that they meet a quiet server.
  const prepare = (url: string) => async () => {
    console.log(`Generating ${events.toLocaleString("en")} audit events in the source table…`);
    await makeSource(url, events);
  };
  const ingest = await ingestLanes(pgUrl);
  let pg: Lane = null;
  if (pgUrl && ingest.pg)
    pg = await lane("PostgreSQL", pgUrl, ingest.pg, {
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
    ingest.lite,
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
    writeJson(jsonFile, {
      postgres: pg?.figures ?? empty,
      pglite: lite.figures,
      codeAudit10kFilesMs: code.ms,
    });
    console.log(`\nFigures written to ${jsonFile}.`);
  }
}
