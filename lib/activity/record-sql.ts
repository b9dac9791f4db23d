// recordActivity for writers that work outside Prisma (bulk collector ingest over COPY): the
// same row, the same chain lock and hash, inside the caller's own transaction.
import type { SqlRunner } from "@/lib/db/migrator";
import { GENESIS_HASH, hashRow } from "./chain";
import { CHAIN_LOCK, activityContent, type ActivityActor, type ActivityEntry } from "./record";

export async function recordActivitySql(
  q: Pick<SqlRunner, "query">,
  actor: ActivityActor,
  entry: ActivityEntry,
): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`);
  const [last] = await q.query<{ hash: string }>(
    `SELECT "hash" FROM "activity" ORDER BY "seq" DESC LIMIT 1`,
  );
  const content = activityContent(actor, entry);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await q.query(
    `INSERT INTO "activity" ("at", "actor_id", "actor_email", "action", "entity_type", "entity_id", "summary", "before", "after", "prev_hash", "hash")
     VALUES ($1::timestamptz, $2::uuid, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
    [
      content.at.toISOString(),
      content.actorId,
      content.actorEmail,
      content.action,
      content.entityType,
      content.entityId,
      content.summary,
      json(content.before),
      json(content.after),
      prevHash,
      hashRow(content, prevHash),
    ],
  );
}
