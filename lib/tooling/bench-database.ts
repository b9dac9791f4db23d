// Each lane starts from an empty database, so that one lane's rows do not weigh on the next
// lane's figures. BENCH_DATABASE_URL is a throw-away database: its public schema is dropped.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { openDatabase, type Database } from "../db/open";

/** The figures are measured on PostgreSQL when a database is given, else on PGlite alone. */
export const benchDatabaseUrl = (): string | undefined =>
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

export const benchDataDir = () => mkdtempSync(path.join(os.tmpdir(), "tb-bench-"));

export async function resetSchema(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await c.end();
}

/**
 * A migrated, empty database: PostgreSQL at `url` with its schema dropped first, or PGlite in
 * the new `dataDir` (which a child process of the lane opens again once this one is closed).
 */
export async function freshDatabase(
  url: string | undefined,
): Promise<{ d: Database; dataDir: string }> {
  const dataDir = benchDataDir();
  if (url) await resetSchema(url);
  const d = await openDatabase({ url, dataDir, migrate: true });
  return { d, dataDir };
}
