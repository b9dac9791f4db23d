// The packaging process of `npm run bench` (issue 12): a fresh process that imports only what
// packaging needs — not the rest of the bench (JUnit parsing and ingest, the audit pull, the
// server lane), which bench.ts loads eagerly and which took about 60 MB of the figure before
// packaging began. Usage (from runChild in bench-child.ts): bench-package-child.ts NAME URL DATA_DIR.
import { BENCH, serve } from "./bench-util";

async function main() {
  // Node.js and tsx alone, before any of Trustboard's modules.
  const startRss = process.memoryUsage().rss;
  const [name = "", url = "", dataDir = ""] = process.argv.slice(2);
  process.env.TRUSTBOARD_DATA_DIR = dataDir;
  const { openDatabase } = await import("../db/open");
  const { packageChild } = await import("./bench-package");
  const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
  serve(d);
  try {
    await packageChild(name, BENCH, startRss);
    process.send?.(true);
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
