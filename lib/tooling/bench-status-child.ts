// Status after the pull, as the server computes it (issue 15: "Status of all 61 criteria with
// 1,000,000 events"), in a process with V8's full compilers (the server does not run with
// --liftoff-only, which the pulling process runs with as `npm run cli` does).
// This process plays the running server: it opens the database and computes status once, as the
// server does at start (instrumentation.ts), then the pull happens and it times the first
// computation after the pull and three more. Where the pull happens follows the database:
// - PostgreSQL (`--warm-before`): another process pulls (bench-pull-child.ts, as `npm run cli --
//   audit pull` would) while this one waits; told to go, it times status.
// - PGlite (`--pull-here SOURCE_URL`): PGlite admits one process at a time, so a PGlite server
//   pulls in its own process (the audit page's pull action; the CLI cannot open the database
//   while the server holds it). This process pulls too, with the same code as the pulling child
//   (bench-pull-measure.ts), and reports the pull's figures with status's: its peak RSS is that of
//   a process that also loaded and computed status, not the pull's alone.
// Usage (from pullLane in bench-pull-lane.ts): bench-status-child.ts NAME URL DATA_DIR EVENTS
// (--warm-before | --pull-here SOURCE_URL).
import type { PullFigures, StatusFigures } from "./bench-pull";
import { BENCH, median, serve } from "./bench-util";

async function main() {
  // Node.js and tsx alone, before any of Trustboard's modules (the pull's line prints it).
  const startRss = process.memoryUsage().rss;
  const [name = "", url = "", dataDir = "", events = "0", mode = "", sourceUrl = ""] =
    process.argv.slice(2);
  if (mode !== "--warm-before" && !(mode === "--pull-here" && sourceUrl))
    throw new Error("usage: NAME URL DATA_DIR EVENTS (--warm-before | --pull-here SOURCE_URL)");
  process.env.TRUSTBOARD_DATA_DIR = dataDir;
  const { openDatabase } = await import("../db/open");
  const { computeWorkspaceStatus } = await import("../status/compute");
  const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
  serve(d);
  try {
    // The server's start: status computed once.
    await computeWorkspaceStatus(BENCH);
    let pulled: PullFigures | null = null;
    if (mode === "--pull-here") {
      const { measurePull } = await import("./bench-pull-measure");
      pulled = await measurePull(d, {
        name,
        sourceUrl,
        rows: Number(events),
        startRss,
        alsoHolds:
          "the process had also loaded status and computed it once, with V8's full compilers, as a PGlite server that pulls: not the pull's alone",
      });
    } else {
      const go = new Promise((resolve) => process.once("message", resolve));
      process.send?.({ ready: true });
      await go;
    }
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      await computeWorkspaceStatus(BENCH);
      times.push(performance.now() - t);
    }
    const where = pulled
      ? "a process that computed it once before the pull, as a PGlite server at start; the pull ran in it"
      : "a process that computed it once before the pull, as the server at start";
    console.log(
      `${name.padEnd(11)} status for all 61 criteria with ${Number(events).toLocaleString("en")} events (${where}): ${times.map((x) => `${x.toFixed(0)} ms`).join(", ")} (the first after the pull, then repeated)`,
    );
    const figures: StatusFigures = {
      statusFirstMs: Math.round(times[0]!),
      statusWarmMs: Math.round(median(times.slice(1))),
    };
    process.send?.({ ...pulled, ...figures });
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
