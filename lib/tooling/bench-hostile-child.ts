// The hostile-file process of `npm run bench` (issue 10): a fresh process that imports only the
// database and the ingest — not the rest of the bench (status, coverage, the pull, the server
// lane, packaging), which bench.ts loads eagerly and which were part of the figure before.
// Usage (from runChild in bench-child.ts): bench-hostile-child.ts URL DATA_DIR; sends a HostileFigure.
import { BENCH, MB, serve, wholeMb } from "./bench-util";
import { hostileJunit } from "./bench-hostile-file";

/** Printed in the targets table only (not a `--json` key): the hostile file of issue 10. */
export interface HostileFigure {
  outcome: string;
  peakRssMb: number;
  /** RSS of the process with its database open, before the file arrives. */
  beforeMb: number;
  /** RSS of Node.js and tsx alone, before any of Trustboard's modules. */
  startMb: number;
}

async function main() {
  const startRss = process.memoryUsage().rss;
  const [url = "", dataDir = ""] = process.argv.slice(2);
  const { openDatabase } = await import("../db/open");
  const { ingestTestResults } = await import("../collectors/test-results/ingest");
  const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
  serve(d);
  const file = hostileJunit();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let outcome: string;
  try {
    const r = await ingestTestResults(BENCH, file, { via: "api", source: "hostile" });
    outcome = `ingested (${r.totals.tests} tests)`;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    outcome = `refused ${e.code === "too_large" ? 413 : e.code === "invalid" ? 400 : (e.code ?? "500")}: ${e.message ?? ""}`;
  } finally {
    await d.close();
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `hostile JUnit file (${(file.length / MB).toFixed(1)} MB, 20,000 suite properties, 20,000 cases): ${outcome}; peak RSS of a fresh process ${wholeMb(peak)} MB (${wholeMb(before)} MB with the database open, before the file; ${wholeMb(startRss)} MB Node.js and tsx alone)`,
  );
  const figure: HostileFigure = {
    outcome,
    peakRssMb: wholeMb(peak),
    beforeMb: wholeMb(before),
    startMb: wholeMb(startRss),
  };
  process.send?.(figure);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
