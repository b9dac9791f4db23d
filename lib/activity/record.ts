// Writes one activity row inside the caller's transaction, so a change and its record
// commit or fail together. An advisory lock serialises writers so the chain stays linear.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tx";
import { replaceUnstorable, replaceUnstorableJson } from "@/lib/validation/storable";
import { GENESIS_HASH, hashRow } from "./chain";

/** What the log keeps of any actor (user, token or system). */
export interface ActivityActor {
  id: string | null;
  email: string;
}

export interface ActivityEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

export const CHAIN_LOCK = 7270001;

// What jsonb will give back: a JSON round-trip (dates become strings, undefined disappears), with
// NUL and half a surrogate pair, which jsonb refuses, as U+FFFD.
function asStored(value: unknown): unknown {
  return value === undefined || value === null
    ? null
    : replaceUnstorableJson(JSON.parse(JSON.stringify(value)));
}

/**
 * The hashed content of an activity row, as every writer (Prisma or plain SQL) stores it. Text
 * PostgreSQL cannot store (a name cut in half an emoji, an escape in an uploaded file) becomes
 * U+FFFD here, so the change is still recorded and the hash is of what is stored.
 */
export function activityContent(actor: ActivityActor, entry: ActivityEntry, at = new Date()) {
  const entityId = entry.entityId ?? null;
  return {
    at,
    actorId: actor.id,
    actorEmail: replaceUnstorable(actor.email),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entityId === null ? null : replaceUnstorable(entityId),
    summary: replaceUnstorable(entry.summary),
    before: asStored(entry.before),
    after: asStored(entry.after),
  };
}

export async function recordActivity(
  tx: Tx,
  actor: ActivityActor,
  entry: ActivityEntry,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}::bigint)`;
  const last = await tx.activity.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content = activityContent(actor, entry);
  const hash = hashRow(content, prevHash);
  await tx.activity.create({
    data: {
      ...content,
      before: content.before === null ? Prisma.DbNull : (content.before as Prisma.InputJsonValue),
      after: content.after === null ? Prisma.DbNull : (content.after as Prisma.InputJsonValue),
      prevHash,
      hash,
    },
  });
}
