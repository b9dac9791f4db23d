// The audit-event pull's lane, each database as a running server meets a pull. On PostgreSQL the
// pull runs in bench-pull-child.ts, a process that loads only the pull (as `npm run cli -- audit
// pull`), so that the peak RSS it reports is the pull's and not the rest of the bench's, while
// bench-status-child.ts plays the server. On PGlite, which admits one process at a time, the
// server pulls in its own process: bench-status-child.ts `--pull-here` computes status once, pulls
// with the same code, and times status after it; its pull figures include what status loaded.
import { fork } from "node:child_process";
import path from "node:path";
import { ensureCatalog } from "../db/bootstrap";
import { openDatabase } from "../db/open";
import { runChild } from "./bench-child";
import { benchDataDir, resetSchema } from "./bench-database";
import { jsonFileArg, writeJson, type LaneFigures } from "./bench-figures";
import { makeSource, type PullFigures, type StatusFigures } from "./bench-pull";
import { loadAverage } from "./bench-util";

const STATUS_CHILD = "bench-status-child.ts";

/**
 * Status computed once, the pull, then status timed: on PostgreSQL the pull in a process of its
 * own while bench-status-child.ts waits (the running server); on PGlite all three in that child.
 */
export async function pullLane(
  name: string,
  url: string | undefined,
  dataDir: string,
  sourceUrl: string,
  rows: number,
): Promise<Partial<LaneFigures>> {
  const args = [name, url ?? "", dataDir, String(rows)];
  // Without --liftoff-only, as the server runs.
  if (!url)
    return runChild<PullFigures & StatusFigures>(
      "--status",
      [...args, "--pull-here", sourceUrl],
      STATUS_CHILD,
      [],
    );
  const pull = () =>
    runChild<PullFigures>(
      "--pull",
      [name, url, dataDir, sourceUrl, String(rows)],
      "bench-pull-child.ts",
    );
  const server = fork(path.join(__dirname, STATUS_CHILD), [...args, "--warm-before"], {
    stdio: "inherit",
  });
  const exited = new Promise<number | null>((r) => server.on("exit", r));
  const messages: unknown[] = [];
  let next: (() => void) | null = null;
  server.on("message", (m) => {
    messages.push(m);
    next?.();
  });
  const message = async () => {
    while (messages.length === 0) {
      const arrived = new Promise<void>((r) => (next = r));
      const code = await Promise.race([arrived.then(() => undefined), exited]);
      if (code !== undefined && messages.length === 0)
        throw new Error(`the status child exited with ${code}`);
    }
    return messages.shift();
  };
  try {
    await message(); // warmed up, as the server at start
    const pulled = await pull();
    server.send("go");
    const status = (await message()) as StatusFigures;
    await exited;
    return { ...pulled, ...status };
  } finally {
    if (server.exitCode === null) server.kill();
  }
}

/**
 * `--only-pull`: the pull alone — a fresh schema of BENCH_DATABASE_URL, BENCH_EVENTS source rows
 * (default 1,000,000), pulled into PostgreSQL, then a tenth of them into a fresh PGlite.
 */
export async function pullOnly(url: string): Promise<void> {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  await resetSchema(url);
  console.log(`Generating ${events.toLocaleString("en")} audit events in the source table…`);
  await makeSource(url, events);
  // A fresh database with its catalog (status needs it), closed before the child opens it.
  const fresh = async (dbUrl: string | undefined) => {
    const dataDir = benchDataDir();
    const d = await openDatabase({ url: dbUrl, dataDir, migrate: true });
    await ensureCatalog(d.prisma);
    await d.close();
    return dataDir;
  };
  console.log(`Load average before the pulls: ${loadAverage()}`);
  const pg = await pullLane("PostgreSQL", url, await fresh(url), url, events);
  const lite = await pullLane("PGlite", undefined, await fresh(undefined), url, events / 10);
  console.log(`Load average after the pulls: ${loadAverage()}`);
  const jsonFile = jsonFileArg();
  if (jsonFile) writeJson(jsonFile, { postgres: pg, pglite: lite });
}
