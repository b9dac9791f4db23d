// Connects read-only to a PostgreSQL database and produces its posture report.
import { Client } from "pg";
import { watchConnection } from "@/lib/db/connection-errors";
import { invalid } from "@/lib/errors";
import { DEFAULT_TENANT_COLUMNS } from "../default-tenant-columns";
import { analyse, type PostureReport } from "./analyse";
import { readSnapshot, type Query } from "./snapshot";

export interface PostureScanOptions {
  tenantColumns?: readonly string[];
}

const COLUMN = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export function tenantColumnsOf(list: readonly string[] | undefined): string[] {
  const cols = (list ?? []).map((c) => c.trim()).filter(Boolean);
  for (const c of cols)
    if (!COLUMN.test(c)) throw invalid(`"${c}" is not a column name.`, "tenantColumns");
  return cols.length ? [...new Set(cols)] : [...DEFAULT_TENANT_COLUMNS];
}

/** host:port of a connection string: server-wide findings are named by it. */
export function serverOf(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalid("That is not a postgresql:// connection string.", "url");
  }
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:")
    throw invalid("That is not a postgresql:// connection string.", "url");
  return `${u.hostname || "localhost"}:${u.port || "5432"}`;
}

/** The scan over any query function (a pg client, PGlite) inside the caller's read-only transaction. */
export async function scanWith(
  q: Query,
  server: string,
  opts: PostureScanOptions = {},
): Promise<PostureReport> {
  const snapshot = await readSnapshot(q);
  return analyse(snapshot, { tenantColumns: tenantColumnsOf(opts.tenantColumns), server });
}

export async function scanPostgresUrl(
  url: string,
  opts: PostureScanOptions = {},
): Promise<PostureReport> {
  const server = serverOf(url);
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    statement_timeout: 60_000,
    application_name: "trustboard-posture-scan",
  });
  // The scanned server ending the connection fails the scan, not the process.
  watchConnection(client);
  await client.connect();
  try {
    await client.query("BEGIN READ ONLY");
    const q: Query = async <T>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as T[];
    const report = await scanWith(q, server, opts);
    await client.query("ROLLBACK");
    return report;
  } finally {
    await client.end();
  }
}
