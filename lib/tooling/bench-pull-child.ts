// The pulling process of `npm run bench` on PostgreSQL (issue 15): a fresh process that loads only
// what a pull needs — the database, the pull and its crypto — not the rest of the bench (JUnit
// ingest, status, the server lane), which bench.ts loads eagerly and which was most of the 188 MB
// the process held before the pull began; its peak RSS is the target's "< 200 MB". The pull itself
// is bench-pull-measure.ts, which PGlite's lane runs inside its status process instead
// (bench-status-child.ts `--pull-here`). Status after the pull is measured by bench-status-child.ts.
// Usage (from runChild in bench-child.ts): bench-pull-child.ts NAME URL DATA_DIR SOURCE_URL ROWS.
import type { PullFigures } from "./bench-pull";
import { serve } from "./bench-util";

async function main() {
  // Node.js and tsx alone, before any of Trustboard's modules.
  const startRss = process.memoryUsage().rss;
  const [name = "", url = "", dataDir = "", sourceUrl = "", rows = "0"] = process.argv.slice(2);
  process.env.TRUSTBOARD_DATA_DIR = dataDir;
  const { openDatabase } = await import("../db/open");
  const { measurePull } = await import("./bench-pull-measure");
  const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
  serve(d);
  try {
    const figures: PullFigures = await measurePull(d, {
      name,
      sourceUrl,
      rows: Number(rows),
      startRss,
    });
    process.send?.(figures);
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
