// The audit-event pull's lane: the pull itself runs in bench-pull-child.ts, a process that loads
// only the pull, so that the peak RSS it reports is the pull's and not the rest of the bench's.
import { fork } from "node:child_process";
import path from "node:path";
import { ensureCatalog } from "../db/bootstrap";
import { openDatabase } from "../db/open";
import { runChild } from "./bench-child";
import { benchDataDir, resetSchema } from "./bench-database";
import { jsonFileArg, writeJson, type LaneFigures } from "./bench-figures";
import { makeSource, type StatusFigures } from "./bench-pull";
import { loadAverage } from "./bench-util";

const STATUS_CHILD = "bench-status-child.ts";

/**
 * The pull in a process of its own, and status over what it pulled in another: on PostgreSQL
 * one started before the pull (bench-status-child.ts plays the running server).
 */
export async function pullLane(
  name: string,
  url: string | undefined,
  dataDir: string,
  sourceUrl: string,
  rows: number,
): Promise<Partial<LaneFigures>> {
  const pull = () =>
    runChild<Partial<LaneFigures>>(
      "--pull",
      [name, url ?? "", dataDir, sourceUrl, String(rows)],
      "bench-pull-child.ts",
    );
  const args = [name, url ?? "", dataDir, String(rows)];
  if (!url) {
    const pulled = await pull();
    return { ...pulled, ...(await runChild<StatusFigures>("--status", args, STATUS_CHILD, [])) };
  }
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
