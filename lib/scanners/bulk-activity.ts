// Many activity rows at once (one per backlog item a scan creates): the same rows, chain lock
// and hashes as recordActivity, written by one INSERT in their chain order, so a scan with a
// thousand findings does not pay three round trips per row.
import { Prisma } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, hashRow } from "@/lib/activity/chain";
import {
  CHAIN_LOCK,
  activityContent,
  type ActivityActor,
  type ActivityEntry,
} from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";
import { replaceUnstorable } from "@/lib/validation/storable";

export async function recordActivities(
  tx: Tx,
  actor: ActivityActor,
  entries: readonly ActivityEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`;
  const last = await tx.activity.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const cols = {
    action: [] as string[],
    entityType: [] as string[],
    entityId: [] as (string | null)[],
    summary: [] as string[],
    before: [] as (string | null)[],
    after: [] as (string | null)[],
    prev: [] as string[],
    hash: [] as string[],
  };
  for (const entry of entries) {
    const content = activityContent(actor, entry, at);
    const hash = hashRow(content, prevHash);
    cols.action.push(content.action);
    cols.entityType.push(content.entityType);
    cols.entityId.push(content.entityId);
    cols.summary.push(content.summary);
    cols.before.push(content.before === null ? null : JSON.stringify(content.before));
    cols.after.push(content.after === null ? null : JSON.stringify(content.after));
    cols.prev.push(prevHash);
    cols.hash.push(hash);
    prevHash = hash;
  }
  // ORDER BY the position: sequence numbers are drawn in chain order. The email as activityContent
  // hashed it (U+FFFD for what text cannot hold).
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO "activity" ("at", "actor_id", "actor_email", "action", "entity_type", "entity_id", "summary", "before", "after", "prev_hash", "hash")
    SELECT ${at}::timestamptz, ${actor.id}::uuid, ${replaceUnstorable(actor.email)}, a.action, a.entity_type, a.entity_id,
           a.summary, a.before::jsonb, a.after::jsonb, a.prev, a.hash
    FROM unnest(${cols.action}::text[], ${cols.entityType}::text[], ${cols.entityId}::text[],
                ${cols.summary}::text[], ${cols.before}::text[], ${cols.after}::text[],
                ${cols.prev}::text[], ${cols.hash}::text[])
         WITH ORDINALITY AS a(action, entity_type, entity_id, summary, before, after, prev, hash, ord)
    ORDER BY a.ord`);
}
