// The audit-event pull's lane: the pull itself runs in bench-pull-child.ts, a process that loads
// only the pull, so that the peak RSS it reports is the pull's and not the rest of the bench's.
import { ensureCatalog } from "../db/bootstrap";
import { openDatabase } from "../db/open";
import { runChild } from "./bench-child";
import { benchDataDir, resetSchema } from "./bench-database";
import { jsonFileArg, writeJson, type LaneFigures } from "./bench-figures";
import { makeSource } from "./bench-pull";
import { loadAverage } from "./bench-util";

export function pullLane(
  name: string,
  url: string | undefined,
  dataDir: string,
  sourceUrl: string,
  rows: number,
): Promise<Partial<LaneFigures>> {
  return runChild<Partial<LaneFigures>>(
    "--pull",
    [name, url ?? "", dataDir, sourceUrl, String(rows)],
    "bench-pull-child.ts",
  );
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
