// Status after the pull, as the server computes it (issue 15: "Status of all 61 criteria with
// 1,000,000 events"), in a process with V8's full compilers (the server does not run with
// --liftoff-only, which the pulling process runs with as `npm run cli` does).
// On PostgreSQL this process plays the running server: it opens the database and computes status
// once before the pull, as the server does at start (instrumentation.ts), then waits while another
// process pulls (as `npm run cli -- audit pull` would) and, told to go, times the first
// computation after the pull and three more. PGlite allows one process at a time, so there it
// starts after the pull and its first computation is also the process's first.
// Usage (from pullLane in bench-pull-lane.ts): bench-status-child.ts NAME URL DATA_DIR EVENTS
// [--warm-before].
import type { StatusFigures } from "./bench-pull";
import { BENCH, median, serve } from "./bench-util";

async function main() {
  const [name = "", url = "", dataDir = "", events = "0", mode = ""] = process.argv.slice(2);
  process.env.TRUSTBOARD_DATA_DIR = dataDir;
  const { openDatabase } = await import("../db/open");
  const { computeWorkspaceStatus } = await import("../status/compute");
  const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
  serve(d);
  try {
    if (mode === "--warm-before") {
      await computeWorkspaceStatus(BENCH);
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
    console.log(
      `${name.padEnd(11)} status for all 61 criteria with ${Number(events).toLocaleString("en")} events (${mode ? "a process that computed it once before the pull, as the server at start" : "a fresh process"}): ${times.map((x) => `${x.toFixed(0)} ms`).join(", ")} (the first after the pull, then repeated)`,
    );
    const figures: StatusFigures = {
      statusFirstMs: Math.round(times[0]!),
      statusWarmMs: Math.round(median(times.slice(1))),
    };
    process.send?.(figures);
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
