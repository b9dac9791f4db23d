// Pulling a table of the audited application's PostgreSQL: read-only transactions, keyset
// batches on a cursor column, and each batch stored together with the new cursor, so a pull
// that fails half-way keeps everything before the failed batch and nothing of it — and a
// retry continues from there.
import "server-only";
import { watchConnection } from "@/lib/db/connection-errors";
import { explainPgError } from "@/lib/db/explain-pg-error";
import { Client } from "pg";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { database } from "@/lib/db";
import type { SqlPool } from "@/lib/db/runners";
import { AppError, conflict, notFound } from "@/lib/errors";
import { PULLED_COLUMNS, addDailyCounts, dailyColumns } from "./copy-batch";
import { copyRows, newPulledTally } from "./copy-read";
import { decryptSecret } from "./crypto";
import { columnsSchema, type SourceConfig } from "./schemas";
import { existingSecretKey } from "./secret-key";

const quote = (name: string) =>
  name
    .split(".")
    .map((p) => `"${p}"`)
    .join(".");

/** A failure in words a compliance officer can act on; never echoes the connection string. */
function explainSourceError(err: unknown): string {
  return explainPgError(err, "The source", {
    "42P01": () => "The table does not exist (or the user may not see it).",
    "42703": (message) => `A mapped column does not exist: ${message}`.trim(),
    "42501": () => "The user lacks permission to read the table.",
  });
}

/** How the source's administrators see Trustboard's connection (pg_stat_activity). */
export const SOURCE_APPLICATION_NAME = "trustboard-audit-pull";

async function connect(url: string): Promise<Client> {
  const client = new Client({
    connectionString: url,
    application_name: SOURCE_APPLICATION_NAME,
    connectionTimeoutMillis: 5000,
    statement_timeout: 60_000,
  });
  // Listens for the whole life of the client, which is ended after each use.
  watchConnection(client);
  await client.connect();
  return client;
}

/** Connects read-only and checks the table and every mapped column; stores nothing. */
export async function testSource(
  actor: Actor | null,
  config: SourceConfig,
): Promise<{ ok: true; rows: number } | { ok: false; error: string }> {
  authorize(actor, "audit.configure");
  let client: Client | null = null;
  try {
    client = await connect(config.url);
    await client.query("BEGIN READ ONLY");
    const exists = await client.query(`SELECT to_regclass($1) AS t`, [config.tableName]);
    if (!exists.rows[0].t)
      return {
        ok: false,
        error: `The table ${config.tableName} does not exist (or the user may not see it).`,
      };
    const [schema, table] = config.tableName.includes(".")
      ? config.tableName.split(".")
      : [null, config.tableName];
    const cols = await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND ($2::text IS NULL OR table_schema = $2)`,
      [table, schema],
    );
    const have = new Set(cols.rows.map((r: { column_name: string }) => r.column_name));
    const wanted = [
      config.cursorColumn,
      ...Object.values(config.columns).filter((c): c is string => Boolean(c)),
    ];
    const missing = wanted.filter((c) => !have.has(c));
    if (missing.length)
      return {
        ok: false,
        error: `Column(s) missing in ${config.tableName}: ${missing.join(", ")}.`,
      };
    const count = await client.query(
      `SELECT count(*)::bigint AS n FROM ${quote(config.tableName)}`,
    );
    return { ok: true, rows: Number(count.rows[0].n) };
  } catch (err) {
    return { ok: false, error: explainSourceError(err) };
  } finally {
    await client?.end().catch(() => undefined);
  }
}

const running = new Map<string, { rows: number; batches: number }>();
/** How long a pull may go without finishing a batch before another instance may take over. */
const LEASE_SECONDS = 300;

/** Rows and batches stored so far by a pull running in this process, or null. */
export function pullProgress(
  actor: Actor | null,
  sourceId: string,
): { rows: number; batches: number } | null {
  authorize(actor, "audit.read");
  const p = running.get(sourceId);
  return p ? { ...p } : null;
}

/**
 * Rows per batch (one transaction with its cursor). A batch streams through and is never held
 * whole, so its size costs no memory; larger batches mean fewer round trips and commits, and a
 * failure loses at most this many rows' work (they are read again by the retry).
 */
const DEFAULT_BATCH = 50_000;

interface PullResult {
  pulled: number;
  stored: number;
  batches: number;
  cursor: string | null;
}

interface PullOptions {
  batchSize?: number;
  /** Stop after about this many rows (the benchmark). */
  maxRows?: number;
  /** The key the connection string was encrypted with (default: the stored one). */
  key?: string;
  /** Where batches are written (default: the database's own pool; tests inject failures). */
  sql?: SqlPool;
}

export async function pullSource(
  actor: Actor | null,
  sourceId: string,
  opts: PullOptions = {},
): Promise<PullResult> {
  authorize(actor, "audit.pull");
  const d = await database();
  const prisma = d.prisma;
  const sql = opts.sql ?? d.sql;
  const source = await prisma.auditSource.findUnique({ where: { id: sourceId } });
  if (!source) throw notFound("That audit source no longer exists.");
  const columns = columnsSchema.parse(source.columns);
  if (running.has(sourceId))
    throw conflict(
      `"${source.name}" is being pulled already (${running.get(sourceId)!.rows} events so far); wait for it to finish.`,
    );
  // Another app instance on the same database may be pulling it: take the lease or refuse.
  const leased = await prisma.$executeRaw`
    UPDATE "audit_sources" SET "pull_lease_until" = now() + ${LEASE_SECONDS} * interval '1 second'
    WHERE "id" = ${sourceId}::uuid AND ("pull_lease_until" IS NULL OR "pull_lease_until" < now())`;
  if (leased === 0) {
    const held = await prisma.auditSource.findUnique({
      where: { id: sourceId },
      select: { pullLeaseUntil: true },
    });
    throw conflict(
      `"${source.name}" is being pulled by another Trustboard instance; try again after ${held?.pullLeaseUntil?.toISOString().slice(11, 19) ?? "a few minutes"} UTC.`,
    );
  }
  const progress = { rows: 0, batches: 0 };
  running.set(sourceId, progress);
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH));
  let client: Client | null = null;
  let cursor = source.cursorValue;
  let stored = 0;
  let outcome = "";
  try {
    client = await connect(decryptSecret(source.connectionEnc, opts.key ?? existingSecretKey()));
    const src = client;
    // Every column of Trustboard's COPY, in its order and already cleaned: text cut to 1,000
    // characters, blank as NULL, actions in lower case, times as UTC ISO strings.
    const col = (c: string | undefined) =>
      c ? `nullif(left(${quote(c)}::text, 1000), '')` : "NULL";
    const time = `${quote(columns.time)}::timestamptz`;
    const select = [
      `${quote(source.cursorColumn)}::text`,
      // Only the years Trustboard stores (as a push does): others come as NULL and fail the
      // batch naming the row, instead of a year of five digits or a BC year read as AD.
      `CASE WHEN ${time} >= '1970-01-01T00:00:00Z' AND ${time} < '10000-01-01T00:00:00Z' THEN to_char(${time} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END`,
      `lower(${col(columns.action)})`,
      col(columns.actor),
      col(columns.organisation),
      col(columns.ip),
      col(columns.outcome),
      col(columns.target),
    ]
      // Own output names: ORDER BY "id" must mean the source column, not "id"::text.
      .map((expr, i) => `${expr} AS "__trustboard_${i}"`)
      .join(", ");
    // Zone-less source times are read as UTC, not in whatever zone the source server uses.
    await src.query("SET TIME ZONE 'UTC'");
    const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
    const selectAfter = (after: string | null, limit: number) =>
      `SELECT ${select} FROM ${quote(source.tableName)} ${after === null ? "" : `WHERE ${quote(source.cursorColumn)} > ${literal(after)}`} ORDER BY ${quote(source.cursorColumn)} LIMIT ${limit}`;
    for (;;) {
      const limit = Math.min(batchSize, (opts.maxRows ?? Infinity) - progress.rows);
      if (limit <= 0) break;
      const tally = newPulledTally();
      const previous = cursor;
      // The batch streams from the source's COPY TO into this database's COPY FROM, and commits
      // together with the cursor after it, or neither does.
      await sql.transaction(async (q) => {
        // Continues only from where this pull found the cursor, and locks the source's row to
        // the end of the batch: if another instance pulled the same rows meanwhile, this batch
        // is dropped instead of stored twice.
        const held = await q.query(
          `UPDATE "audit_sources" SET "pull_lease_until" = now() + $3 * interval '1 second' WHERE "id" = $1 AND "cursor_value" IS NOT DISTINCT FROM $2::text RETURNING "id"`,
          [sourceId, previous, LEASE_SECONDS],
        );
        if (held.length === 0)
          throw conflict(
            "another pull of this source moved its cursor meanwhile; this batch was not stored",
          );
        await q.copyStream(
          PULLED_COLUMNS,
          copyRows(src, selectAfter(previous, limit), source.tableName, tally),
        );
        if (tally.rows === 0) return;
        await q.query(`UPDATE "audit_sources" SET "cursor_value" = $1 WHERE "id" = $2`, [
          tally.last,
          sourceId,
        ]);
        await addDailyCounts(q, dailyColumns(tally.daily.values()));
      });
      if (tally.rows === 0) break;
      stored += tally.rows;
      cursor = tally.last;
      progress.rows += tally.rows;
      progress.batches += 1;
      if (tally.rows < limit) break;
    }
    outcome = `${progress.rows} events read, ${stored} new, cursor at ${cursor ?? "start"}`;
    return { pulled: progress.rows, stored, batches: progress.batches, cursor };
  } catch (err) {
    // A bad row (AuditParseError) or a moved cursor keeps its code; a failing source is "invalid".
    const why = err instanceof AppError ? err.message : explainSourceError(err);
    outcome = `failed after ${progress.rows} events (kept; retry continues from cursor ${cursor ?? "start"}): ${why}`;
    throw new AppError(
      err instanceof AppError ? err.code : "invalid",
      `Pull of "${source.name}" ${outcome}`,
    );
  } finally {
    running.delete(sourceId);
    await client?.end().catch(() => undefined);
    await prisma.$transaction(async (tx) => {
      await tx.auditSource.update({
        where: { id: sourceId },
        data: { lastPulledAt: new Date(), lastResult: outcome, pullLeaseUntil: null },
      });
      await recordActivity(tx, actor, {
        action: "audit_source.pull",
        entityType: "audit_source",
        entityId: sourceId,
        summary: `Pulled audit source "${source.name}": ${outcome}`,
      });
    });
  }
}
