// Stores audit events: de-duplicated by record hash, and the daily per-action counts updated
// in the same statement, so volume charts and silence checks never scan the whole table.
// Not server-only: start-up (lib/db/bootstrap.ts) imports the default mapping from here.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { SqlRunner } from "@/lib/db/migrator";
import { DEFAULT_ACTION_CRITERIA } from "./defaults";
import type { ParsedEvent } from "./parse";

/** The largest export accepted at once, by upload or by POST /api/v1/audit-events. */
export { MAX_AUDIT_BYTES } from "@/lib/http/upload-limits";

const BATCH = 5000;

interface AuditIngestResult {
  received: number;
  stored: number;
  duplicates: number;
  actions: string[];
}

/** Stores parsed events (all or none); `via` names the channel in the activity log. */
export async function storeAuditEvents(
  actor: Actor | null,
  events: ParsedEvent[],
  via: string,
): Promise<AuditIngestResult> {
  authorize(actor, "audit.ingest");
  const prisma = await db();
  let stored = 0;
  await prisma.$transaction(
    async (tx) => {
      for (let i = 0; i < events.length; i += BATCH) {
        const b = events.slice(i, i + BATCH);
        const viaPrisma = {
          query: <T>(sql: string, params: unknown[] = []) =>
            tx.$queryRawUnsafe<T[]>(sql, ...params),
        };
        stored += await insertAuditBatch(viaPrisma, b);
      }
      const actions = [...new Set(events.map((e) => e.action))];
      await recordActivity(tx, actor, {
        action: "audit_events.ingest",
        entityType: "audit_events",
        summary: `Ingested audit events via ${via}: ${events.length} received, ${stored} new, ${events.length - stored} already known (${actions.slice(0, 10).join(", ")}${actions.length > 10 ? ", …" : ""})`,
      });
    },
    { timeout: 300_000 },
  );
  return {
    received: events.length,
    stored,
    duplicates: events.length - stored,
    actions: [...new Set(events.map((e) => e.action))].sort(),
  };
}

const INSERT_BATCH = `
  WITH ins AS (
    INSERT INTO "audit_events" ("occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key")
    SELECT u.at, u.action, u.actor, u.org, u.ip, u.outcome, u.target, u.meta::jsonb, u.key
    FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS u(at, action, actor, org, ip, outcome, target, meta, key)
    ON CONFLICT ("dedupe_key") DO NOTHING
    RETURNING "occurred_at", "action"
  ), daily AS (
    INSERT INTO "audit_event_daily" ("day", "action", "count")
    SELECT ("occurred_at" AT TIME ZONE 'UTC')::date, "action", count(*)::int FROM ins GROUP BY 1, 2
    ON CONFLICT ("action", "day") DO UPDATE SET "count" = "audit_event_daily"."count" + EXCLUDED."count"
  )
  SELECT count(*)::int AS n FROM ins`;

/** One statement per batch of uploaded events, inside the caller's transaction (pulls use COPY: copy-batch.ts). */
async function insertAuditBatch(
  q: Pick<SqlRunner, "query">,
  events: ParsedEvent[],
): Promise<number> {
  const rows = await q.query<{ n: number }>(INSERT_BATCH, [
    events.map((e) => e.occurredAt.toISOString()),
    events.map((e) => e.action),
    events.map((e) => e.actor),
    events.map((e) => e.organisation),
    events.map((e) => e.ip),
    events.map((e) => e.outcome),
    events.map((e) => e.target),
    events.map((e) => (e.metadata ? JSON.stringify(e.metadata) : null)),
    events.map((e) => e.dedupeKey),
  ]);
  return rows[0]?.n ?? 0;
}

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
