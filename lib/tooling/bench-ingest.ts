// JUnit ingest figures: generated 10,000-case files ingested end to end (ingestTestResults, as
// POST /api/v1/test-results ingests them) on a fresh database per lane.
import { rmSync } from "node:fs";
import { ensureCatalog } from "../db/bootstrap";
import { ingestTestResults } from "../collectors/test-results/ingest";
import { sampleJUnit } from "../collectors/test-results/sample-junit";
import { warmUpIngest } from "../collectors/test-results/warm-up";
import { freshDatabase } from "./bench-database";
import { BENCH, mb, median, perSec, rate, serve, unserve } from "./bench-util";

export const CASES = 10_000;

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
 * on this 2-core machine one sample of 200 ms varies by a fifth from run to run.
 */
const STARTS = 3;

/** Four different files on a fresh database, STARTS times; each start is printed. */
export async function ingestLane(name: string, url: string | undefined): Promise<IngestFigures> {
  const firsts: number[] = [];
  const warms: number[] = [];
  let dataDir = "";
  for (let start = 1; start <= STARTS; start++) {
    // The previous start's PGlite files: only the last start's database is used after this lane.
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    const one = await ingestStart(`${name} (start ${start} of ${STARTS})`, url);
    firsts.push(one.ingestFirstCasesPerSec);
    warms.push(one.ingestWarmCasesPerSec);
    dataDir = one.dataDir;
  }
  console.log(
    `${name.padEnd(11)} ingest medians of ${STARTS} starts: first file ${median(firsts).toLocaleString("en")} cases/s, warm ${median(warms).toLocaleString("en")} cases/s`,
  );
  return { ingestFirstCasesPerSec: median(firsts), ingestWarmCasesPerSec: median(warms), dataDir };
}

async function ingestStart(name: string, url: string | undefined): Promise<IngestFigures> {
  const { d, dataDir } = await freshDatabase(url);
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
    // As the server does at start (instrumentation.ts), in the background before any upload: the
    // ingest rehearsed in transactions that are rolled back. The first file is then the first
    // one stored after a start.
    await warmUpIngest();
    const ingestMs: number[] = [];
    let mapped = 0;
    for (let i = 1; i <= 4; i++) {
      const file = junit(CASES, i);
      const t = performance.now();
      mapped = (await ingestTestResults(BENCH, file, { via: "api", source: "bench" })).mapped.tests;
      ingestMs.push(performance.now() - t);
    }
    console.log(
      `${name.padEnd(11)} ingest ${CASES.toLocaleString("en")} cases end-to-end, four files: ${ingestMs.map((ms) => `${ms.toFixed(0)} ms (${rate(CASES, ms)})`).join(", ")}; mapped ${mapped} each; RSS ${mb(process.memoryUsage().rss)}`,
    );
    return {
      ingestFirstCasesPerSec: perSec(CASES, ingestMs[0]!),
      ingestWarmCasesPerSec: perSec(CASES, median(ingestMs.slice(1))),
      dataDir,
    };
  } finally {
    await d.close();
    unserve();
  }
}
