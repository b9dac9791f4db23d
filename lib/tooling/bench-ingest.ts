// JUnit ingest figures: generated 10,000-case files ingested end to end (ingestTestResults, as
// POST /api/v1/test-results ingests them) on a fresh database per start.
//
// PostgreSQL's and PGlite's files alternate in one process. PGlite's target is a share of
// PostgreSQL's speed, and this machine's own speed moves by half for seconds at a time: a fixed
// JavaScript loop timed before each file took 15 ms while PGlite's files took about 250 ms and
// 21–22 ms while they took about 400 ms (docs/performance-log.md, 2026-12-02). Lanes measured a
// few minutes apart compared the machine's moments more than the databases. The two cores share
// one physical core (a loop alone on either: 15–17 ms; on both at once: 21–23 ms each), so each
// file starts once PostgreSQL's processes have been idle for 300 ms (in the runs of 2026-12-02
// they always were, after the minimum wait).
import { rmSync } from "node:fs";
import type { Database } from "../db/open";
import { ensureCatalog } from "../db/bootstrap";
import { ingestTestResults } from "../collectors/test-results/ingest";
import { sampleJUnit } from "../collectors/test-results/sample-junit";
import { warmUpIngest } from "../collectors/test-results/warm-up";
import { freshDatabase } from "./bench-database";
import { BENCH, mb, median, perSec, postgresQuiet, rate, serve, unserve } from "./bench-util";

export const CASES = 10_000;
const FILES = 4;

/** The bench's files are the generated ones the server warms its parser with. */
export const junit = sampleJUnit;

export interface IngestFigures {
  ingestFirstCasesPerSec: number;
  ingestWarmCasesPerSec: number;
  /** The lane's PGlite directory (unused on PostgreSQL), closed for the lane's children. */
  dataDir: string;
}

/**
 * Fresh starts measured; the figures are their medians. One start's first file is one sample, and
 * on this 2-core machine one sample of 200 ms varies by half from moment to moment.
 */
const STARTS = 5;

interface Started {
  name: string;
  d: Database;
  dataDir: string;
  ms: number[];
}

/**
 * STARTS times: a fresh PostgreSQL database (with `url`) and a fresh PGlite one, each set up and
 * warmed as the server does, then FILES different files each, PostgreSQL's and PGlite's in turn
 * (which goes first alternates, from file to file and start to start). Each start is printed
 * with its pairs' shares.
 */
export async function ingestLanes(
  url: string | undefined,
): Promise<{ pg: IngestFigures | null; lite: IngestFigures }> {
  const names = url ? ["PostgreSQL", "PGlite"] : ["PGlite"];
  const starts = new Map<string, IngestFigures[]>(names.map((n) => [n, []]));
  let previous: string[] = [];
  for (let start = 1; start <= STARTS; start++) {
    // The previous start's directories: only the last start's database is used after this.
    for (const dir of previous) rmSync(dir, { recursive: true, force: true });
    const lanes: Started[] = [];
    try {
      if (url) lanes.push(await startLane("PostgreSQL", url));
      lanes.push(await startLane("PGlite", undefined));
      for (let i = 1; i <= FILES; i++) {
        const order = (i + start) % 2 === 0 ? lanes : [...lanes].reverse();
        for (const lane of order) await ingestFile(lane, i);
      }
    } finally {
      // Every lane closed, even after one fails to close; the first failure is thrown.
      const failures = [];
      for (const lane of lanes)
        failures.push(
          await lane.d.close().then(
            () => null,
            (e) => e,
          ),
        );
      unserve();
      const failed = failures.find((e) => e !== null);
      if (failed) throw failed;
    }
    previous = lanes.map((l) => l.dataDir);
    for (const lane of lanes) {
      printStart(`${lane.name} (start ${start} of ${STARTS})`, lane.ms);
      starts.get(lane.name)!.push({
        ingestFirstCasesPerSec: perSec(CASES, lane.ms[0]!),
        ingestWarmCasesPerSec: perSec(CASES, median(lane.ms.slice(1))),
        dataDir: lane.dataDir,
      });
    }
    const [pg, lite] = url ? lanes : [undefined, lanes[0]];
    if (pg && lite)
      console.log(
        `PGlite's share of PostgreSQL's speed, file by file: ${pg.ms.map((ms, i) => `${Math.round((100 * ms) / lite.ms[i]!)}%`).join(", ")}`,
      );
  }
  const medians = (name: string): IngestFigures => {
    const all = starts.get(name)!;
    const figures = {
      ingestFirstCasesPerSec: median(all.map((s) => s.ingestFirstCasesPerSec)),
      ingestWarmCasesPerSec: median(all.map((s) => s.ingestWarmCasesPerSec)),
      dataDir: all[all.length - 1]!.dataDir,
    };
    console.log(
      `${name.padEnd(11)} ingest medians of ${STARTS} starts: first file ${figures.ingestFirstCasesPerSec.toLocaleString("en")} cases/s, warm ${figures.ingestWarmCasesPerSec.toLocaleString("en")} cases/s`,
    );
    return figures;
  };
  return { pg: url ? medians("PostgreSQL") : null, lite: medians("PGlite") };
}

async function startLane(name: string, url: string | undefined): Promise<Started> {
  const { d, dataDir } = await freshDatabase(url);
  const lane: Started = { name, d, dataDir, ms: [] };
  try {
    serve(d);
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
    // As the server does at start (instrumentation.ts), in the background before any upload: the
    // ingest rehearsed in transactions that are rolled back. The first file is then the first
    // one stored after a start.
    await warmUpIngest();
    return lane;
  } catch (err) {
    await d.close();
    throw err;
  }
}

async function ingestFile(lane: Started, i: number): Promise<void> {
  await postgresQuiet();
  serve(lane.d);
  const file = junit(CASES, i);
  const t = performance.now();
  const result = await ingestTestResults(BENCH, file, { via: "api", source: "bench" });
  lane.ms.push(performance.now() - t);
  if (result.mapped.tests === 0) throw new Error(`${lane.name}: no case of file ${i} was mapped`);
}

function printStart(name: string, ms: number[]): void {
  console.log(
    `${name.padEnd(11)} ingest ${CASES.toLocaleString("en")} cases end-to-end, ${FILES} files: ${ms.map((m) => `${m.toFixed(0)} ms (${rate(CASES, m)})`).join(", ")}; RSS of the process (both databases) ${mb(process.memoryUsage().rss)}`,
  );
}
