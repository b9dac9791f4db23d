// Stores audit events: de-duplicated by record hash, and the daily per-action counts updated
// in the same transaction, so volume charts and silence checks never scan the whole table.
// Not server-only: start-up (lib/db/bootstrap.ts) imports the default mapping from here.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordActivitySql } from "@/lib/activity/record-sql";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { database } from "@/lib/db";
import type { BulkRunner } from "@/lib/db/runners";
import { DEFAULT_ACTION_CRITERIA } from "./defaults";
import { eventsCopyText, newTally, type AuditTally } from "./jsonl-stream";
import type { ParsedEvent } from "./parse";
import { copyChunks } from "./copy-chunks";
import { RAISE_DAILY } from "./copy-batch";

/** The largest export accepted at once, by upload or by POST /api/v1/audit-events. */
export { MAX_AUDIT_BYTES } from "@/lib/http/upload-limits";

interface AuditIngestResult {
  received: number;
  stored: number;
  duplicates: number;
  actions: string[];
}

/** Stores parsed events (an upload; all or none); `via` names the channel in the activity log. */
export async function storeAuditEvents(
  actor: Actor | null,
  events: ParsedEvent[],
  via: string,
): Promise<AuditIngestResult> {
  return storeAuditStream(actor, (tally) => eventsCopyText(events, tally), via);
}

/**
 * Stores the events `produce` yields as COPY text (all or none): staged a chunk at a time in a
 * temporary table and moved from there into the log by one statement per chunk that skips known
 * ones and tallies the new ones per day; the daily counts are added at the end — inside one
 * transaction with the activity row. An error thrown while producing (a bad line) rolls the
 * whole transaction back: nothing is stored.
 */
export async function storeAuditStream(
  actor: Actor | null,
  produce: (tally: AuditTally) => AsyncIterable<string>,
  via: string,
): Promise<AuditIngestResult> {
  authorize(actor, "audit.ingest");
  const { sql } = await database();
  const tally = newTally();
  const stored = await sql.transaction(async (q) => {
    await q.query(
      `CREATE TEMP TABLE "audit_events_stage" ("occurred_at" timestamptz, "action" text, "actor" text, "organisation" text, "ip" text, "outcome" text, "target" text, "metadata" jsonb, "dedupe_key" uuid) ON COMMIT DROP`,
    );
    await q.query(
      `CREATE TEMP TABLE "audit_daily_stage" ("day" date, "action" text, "count" int, "last_at" timestamptz) ON COMMIT DROP`,
    );
    // The moves' check for stored keys is an index probe per staged event (chunkMover): with
    // no statistics on the log yet (a fresh install; PGlite, which never analyzes by itself)
    // the planner hashed the whole log for each chunk instead. Nothing else in this transaction
    // joins.
    await q.query("SET LOCAL enable_hashjoin = off");
    await q.query("SET LOCAL enable_mergejoin = off");
    const [legacy] = await q.query<{ until: Date | null }>(
      `SELECT max("until") AS "until" FROM "audit_legacy_keys"`,
    );
    const n = await stageAndMove(
      q,
      copyChunks(produce(tally), STAGE_CHUNK_BYTES, FIRST_CHUNK_BYTES),
      legacy?.until ?? null,
    );
    await q.query(ADD_DAILY_COUNTS);
    const actions = [...tally.actions];
    await recordActivitySql(q, actor, {
      action: "audit_events.ingest",
      entityType: "audit_events",
      summary: `Ingested audit events via ${via}: ${tally.received} received, ${n} new, ${tally.received - n} already known (${actions.slice(0, 10).join(", ")}${actions.length > 10 ? ", …" : ""})`,
    });
    return n;
  });
  return {
    received: tally.received,
    stored,
    duplicates: tally.received - stored,
    actions: [...tally.actions].sort(),
  };
}

/**
 * COPY text staged per chunk: about 6,000 events, small enough that the last chunk's move (the
 * one nothing overlaps) is short and the staging table stays in the session's temp buffers. The
 * first chunk is smaller, so the database starts while the server reads on; the size doubles
 * from there (in-process A/B over ten pairs of 100,000-event pushes: 52.9k events/s with 2 MB
 * chunks, 55.0k this way).
 */
const STAGE_CHUNK_BYTES = 1024 * 1024;
const FIRST_CHUNK_BYTES = 128 * 1024;

type Settled<T> = { ok: T } | { err: unknown };

/**
 * A promise settled into a value: a rejection while it waits (a move failing as the next chunk
 * is read) must not be an unhandled one, which could end the process; unwrap throws it.
 */
const settled = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (ok) => ({ ok }),
    (err: unknown) => ({ err }),
  );

function unwrap<T>(r: Settled<T>): T {
  if ("err" in r) throw r.err;
  return r.ok;
}

/**
 * Stages each chunk and moves it; the next chunk is produced (the body read and parsed) while
 * PostgreSQL copies and moves this one, so the server's work and the database's overlap
 * instead of following each other. Gives the events stored.
 */
export async function stageAndMove(
  q: BulkRunner,
  chunks: AsyncIterable<Uint8Array<ArrayBuffer>>,
  legacyUntil: Date | null = null,
): Promise<number> {
  const source = chunks[Symbol.asyncIterator]();
  const move = chunkMover(q, legacyUntil);
  let stored = 0;
  let moving: Promise<Settled<number>> | null = null;
  let producing: Promise<Settled<IteratorResult<Uint8Array<ArrayBuffer>>>> | null = settled(
    source.next(),
  );
  try {
    for (;;) {
      // A failed move is reported at once, not once the next chunk has arrived (a slow client).
      if (moving) {
        const first = await Promise.race([moving, producing.then(() => null)]);
        if (first && "err" in first) throw first.err;
      }
      const next = unwrap(await producing);
      producing = null;
      if (next.done) break;
      if (moving) stored += unwrap(await moving);
      moving = null;
      const copying = settled(q.copyText(STAGE_COLUMNS, next.value));
      producing = settled(source.next());
      unwrap(await copying);
      moving = settled(move());
    }
    if (moving) stored += unwrap(await moving);
    moving = null;
  } catch (err) {
    // The transaction is rolled back by the caller; let a move still running end first. The
    // chunk being produced is not waited for (a slow client could hold the answer back); the
    // source is closed once it is done, as a for-await loop would close it.
    await moving;
    void source.return?.(undefined).catch(() => undefined);
    throw err;
  }
  return stored;
}

/**
 * Moves each staged chunk into the log, skipping known events. A plain insert of the events no
 * stored one has the key of comes first, under a savepoint: ON CONFLICT's speculative insertion
 * (a second index probe and a confirmation in the WAL per row) was about 15% of a move. When
 * that insert meets a key after all (the chunk holds an event twice, or a concurrent push stored
 * one of them meanwhile), it is undone and the chunk moved again with ON CONFLICT DO NOTHING, as
 * are the chunks after it. So are the chunks after the first PLAIN_MOVES: PostgreSQL tracks 64
 * subtransactions per transaction before other sessions' snapshots get slower, and a 50 MB body
 * of short events is more than 64 chunks of COPY text.
 */
function chunkMover(q: BulkRunner, legacyUntil: Date | null): () => Promise<number> {
  let plain = PLAIN_MOVES;
  const onConflict = async () =>
    (await q.query<{ n: number }>(MOVE_STAGED, [legacyUntil]))[0]?.n ?? 0;
  const plainMove = async () => {
    await q.query("SAVEPOINT move_chunk");
    try {
      const [row] = await q.query<{ n: number }>(MOVE_NEW, [legacyUntil]);
      await q.query("RELEASE SAVEPOINT move_chunk");
      return row?.n ?? 0;
    } catch (err) {
      if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
      await q.query("ROLLBACK TO SAVEPOINT move_chunk");
      await q.query("RELEASE SAVEPOINT move_chunk");
      plain = 0;
      return onConflict();
    }
  };
  return async () => {
    const n = plain-- > 0 ? await plainMove() : await onConflict();
    await q.query(`TRUNCATE "audit_events_stage"`);
    return n;
  };
}

/** Chunks moved by a plain insert under a savepoint (see chunkMover); the rest ON CONFLICT. */
const PLAIN_MOVES = 48;
const UNIQUE_VIOLATION = "23505";

const STAGE_COLUMNS = `"audit_events_stage" ("occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key")`;

/**
 * The range of keys of the old form (the SHA-256's first 16 bytes) that begin with a staged key's
 * last 10 bytes: the old key of the same record, if one was stored (audit_legacy_keys).
 */
const LEGACY_PART = `substring(replace(s."dedupe_key"::text, '-', '') from 13 for 20)`;
const LEGACY_FROM = `(${LEGACY_PART} || '000000000000')::uuid`;
const LEGACY_TO = `(${LEGACY_PART} || 'ffffffffffff')::uuid`;

/**
 * The staged events not stored yet, moved, and their counts per day and action staged:
 * `skipKnown` is how stored keys are skipped (see chunkMover).
 */
const moveStatement = (skipKnown: { where: string; onConflict: string }) => `
  WITH ins AS (
    INSERT INTO "audit_events" ("occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key")
    SELECT "occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key" FROM "audit_events_stage" s
    WHERE ($1::timestamptz IS NULL OR s."occurred_at" > $1::timestamptz + interval '2 days' OR NOT EXISTS (
      SELECT 1 FROM "audit_events" e
      WHERE e."dedupe_key" BETWEEN ${LEGACY_FROM} AND ${LEGACY_TO} AND e."dedupe_key" IS NOT NULL))
    ${skipKnown.where}
    ${skipKnown.onConflict}
    RETURNING "occurred_at", "action"
  ), daily AS (
    INSERT INTO "audit_daily_stage" ("day", "action", "count", "last_at")
    SELECT ("occurred_at" AT TIME ZONE 'UTC')::date, "action", count(*)::int, max("occurred_at") FROM ins GROUP BY 1, 2
  )
  SELECT count(*)::int AS n FROM ins`;

const MOVE_NEW = moveStatement({
  where: `AND NOT EXISTS (SELECT 1 FROM "audit_events" e WHERE e."dedupe_key" = s."dedupe_key")`,
  onConflict: "",
});
const MOVE_STAGED = moveStatement({
  where: "",
  onConflict: `ON CONFLICT ("dedupe_key") WHERE "dedupe_key" IS NOT NULL DO NOTHING`,
});

/**
 * The chunks' daily counts, added to the shared rows once at the end and in one order (as
 * addDailyCounts does): a push holds those rows' locks only from there to its commit, and two
 * pushes take them in the same order, so they wait for each other instead of deadlocking.
 */
const ADD_DAILY_COUNTS = `
  INSERT INTO "audit_event_daily" ("day", "action", "count", "last_at")
  SELECT "day", "action", sum("count")::int, max("last_at") FROM "audit_daily_stage" GROUP BY 1, 2 ORDER BY 2, 1
  ${RAISE_DAILY}`;

/** At start-up (bootstrap, before any request): the default mapping on a fresh workspace. */
export async function ensureDefaultActionMappings(prisma: PrismaClient): Promise<void> {
  if ((await prisma.auditActionMapping.count()) > 0) return;
  await prisma.auditActionMapping.createMany({
    data: Object.entries(DEFAULT_ACTION_CRITERIA).map(([action, criteria]) => ({
      action,
      criteria,
    })),
    skipDuplicates: true,
  });
}
