// `npm run bench`: measured figures, printed (not timed tests) and, with `--json FILE`, written
// to FILE. Test results: a generated 10,000-case JUnit file, parse-only and end-to-end ingest,
// on PGlite and — when BENCH_DATABASE_URL or TEST_DATABASE_URL is set — on PostgreSQL; the
// hostile 1.2 MB file (20,000 suite properties, 20,000 cases) in a fresh process; an audit-event
// pull of BENCH_EVENTS rows from a generated PostgreSQL table (on PostgreSQL in a process of its
// own so its peak memory is its own; on PGlite inside the process that plays the server, as a
// PGlite server pulls); status for all criteria after it; an audit package of 1,000 evidence files totalling 1 GB,
// likewise in a process of its own (`--only-package` runs just that part; `--only-coverage` the
// coverage figures on a fresh schema); the code query audit
// of a generated 10,000-file repository (`--only-code-audit`). Ends with the targets table.
// `--only-ingest` runs just the ingest lanes (four files and the hostile file per database);
// `--only-hostile-server` the hostile file through the production server (on one database).
// This file only dispatches; it is also the entry of the `--pages` child (bench-child.ts).
import { codeAuditBench } from "./bench-code-audit";
import { coverageLane, pageBench } from "./bench-coverage-lane";
import { benchDatabaseUrl } from "./bench-database";
import { jsonFileArg, writeJson } from "./bench-figures";
import { fullRun } from "./bench-full-run";
import { hostileServerBench } from "./bench-hostile-server";
import { ingestLanes } from "./bench-ingest";
import { lane, packageLane } from "./bench-lanes";
import { postureBench } from "./bench-posture";
import { pullOnly } from "./bench-pull-lane";
import { serverLane } from "./bench-server-lane";
import { targetsTable } from "./bench-targets";
import { loadAverage } from "./bench-util";

async function main() {
  const mode = process.argv[2];
  if (process.argv.includes("--only-posture")) {
    const r = await postureBench(benchDatabaseUrl());
    for (const line of r.lines) console.log(line);
    return;
  }
  if (process.argv.includes("--only-coverage")) {
    const pg = benchDatabaseUrl();
    return coverageLane(pg ? "PostgreSQL" : "PGlite", pg);
  }
  if (process.argv.includes("--only-package")) {
    const pg = benchDatabaseUrl();
    return packageLane(pg ? "PostgreSQL" : "PGlite", pg);
  }
  if (process.argv.includes("--only-server")) {
    const pg = benchDatabaseUrl();
    const figures = pg
      ? await serverLane("PostgreSQL", pg, 10, 100_000)
      : await serverLane("PGlite", undefined, 10, 10_000);
    const jsonFile = jsonFileArg();
    if (jsonFile) writeJson(jsonFile, figures);
    return;
  }
  if (process.argv.includes("--only-hostile-server")) {
    const pg = benchDatabaseUrl();
    await hostileServerBench(pg ? "PostgreSQL" : "PGlite", pg);
    return;
  }
  if (process.argv.includes("--only-ingest")) {
    // The ingest lanes alone (four files end to end, then the hostile file), no pull.
    const pg = benchDatabaseUrl();
    const ingest = await ingestLanes(pg);
    const pgLane = pg && ingest.pg ? await lane("PostgreSQL", pg, ingest.pg) : null;
    const liteLane = await lane("PGlite", undefined, ingest.lite);
    console.log(`\nLoad average ${loadAverage(1)}`);
    console.log(targetsTable(pgLane, liteLane));
    return;
  }
  if (process.argv.includes("--only-code-audit")) {
    console.log(await codeAuditBench());
    return;
  }
  if (process.argv.includes("--only-pull")) {
    const pg = benchDatabaseUrl();
    if (!pg) throw new Error("--only-pull needs BENCH_DATABASE_URL (the source table lives there)");
    return pullOnly(pg);
  }
  if (mode === "--pages") {
    const [name = "", url = "", dataDir = ""] = process.argv.slice(3);
    await pageBench(name, url || undefined, dataDir);
    process.send?.(true);
    return;
  }
  const jsonFile = jsonFileArg();
  if (process.argv.includes("--json") && !jsonFile) throw new Error("--json needs a file name");
  await fullRun(jsonFile);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
