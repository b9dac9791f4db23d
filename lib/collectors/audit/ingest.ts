// Stores audit events: de-duplicated by record hash, and the daily per-action counts updated
// in the same statement, so volume charts and silence checks never scan the whole table.
// Not server-only: start-up (lib/db/bootstrap.ts) imports the default mapping from here.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordActivitySql } from "@/lib/activity/record-sql";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { database } from "@/lib/db";
import { copyField } from "./copy-batch";
import { DEFAULT_ACTION_CRITERIA } from "./defaults";
import type { ParsedEvent } from "./parse";

/** The largest export accepted at once, by upload or by POST /api/v1/audit-events. */
export { MAX_AUDIT_BYTES } from "@/lib/http/upload-limits";

interface AuditIngestResult {
  received: number;
  stored: number;
  duplicates: number;
  actions: string[];
}

/**
 * Stores parsed events (all or none); `via` names the channel in the activity log. The events
 * go into a staging table with COPY, in chunks, and from there into the log in one statement
 * that skips known ones and adds the daily counts — inside one transaction with the activity row.
 */
export async function storeAuditEvents(
  actor: Actor | null,
  events: ParsedEvent[],
  via: string,
): Promise<AuditIngestResult> {
  authorize(actor, "audit.ingest");
  const { sql } = await database();
  const actions = [...new Set(events.map((e) => e.action))];
  const stored = await sql.transaction(async (q) => {
    await q.query(
      `CREATE TEMP TABLE "audit_events_stage" ("occurred_at" timestamptz, "action" text, "actor" text, "organisation" text, "ip" text, "outcome" text, "target" text, "metadata" jsonb, "dedupe_key" text) ON COMMIT DROP`,
    );
    for (let i = 0; i < events.length; i += COPY_ROWS)
      await q.copyText(STAGE_COLUMNS, stageText(events, i, Math.min(events.length, i + COPY_ROWS)));
    const [row] = await q.query<{ n: number }>(MOVE_STAGED);
    const n = row?.n ?? 0;
    await recordActivitySql(q, actor, {
      action: "audit_events.ingest",
      entityType: "audit_events",
      summary: `Ingested audit events via ${via}: ${events.length} received, ${n} new, ${events.length - n} already known (${actions.slice(0, 10).join(", ")}${actions.length > 10 ? ", …" : ""})`,
    });
    return n;
  });
  return {
    received: events.length,
    stored,
    duplicates: events.length - stored,
    actions: actions.sort(),
  };
}

/** Rows per COPY chunk: bounds the text held at once. */
const COPY_ROWS = 20_000;

const STAGE_COLUMNS = `"audit_events_stage" ("occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key")`;

function stageText(events: ParsedEvent[], from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) {
    const e = events[i]!;
    out += `${e.occurredAt.toISOString()}\t${copyField(e.action)}\t${copyField(e.actor)}\t${copyField(e.organisation)}\t${copyField(e.ip)}\t${copyField(e.outcome)}\t${copyField(e.target)}\t${copyField(e.metadata ? JSON.stringify(e.metadata) : null)}\t${copyField(e.dedupeKey)}\n`;
  }
  return out;
}

const MOVE_STAGED = `
  WITH ins AS (
    INSERT INTO "audit_events" ("occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key")
    SELECT "occurred_at", "action", "actor", "organisation", "ip", "outcome", "target", "metadata", "dedupe_key" FROM "audit_events_stage"
    ON CONFLICT ("dedupe_key") DO NOTHING
    RETURNING "occurred_at", "action"
  ), daily AS (
    INSERT INTO "audit_event_daily" ("day", "action", "count")
    SELECT ("occurred_at" AT TIME ZONE 'UTC')::date, "action", count(*)::int FROM ins GROUP BY 1, 2
    ON CONFLICT ("action", "day") DO UPDATE SET "count" = "audit_event_daily"."count" + EXCLUDED."count"
  )
  SELECT count(*)::int AS n FROM ins`;

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
