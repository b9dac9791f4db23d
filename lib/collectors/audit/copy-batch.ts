// What the pull and the push share: values as COPY text fields (several times faster than INSERT
// for large batches) and the daily counts' upsert. Pulled rows carry no de-duplication key: the
// cursor moves in the same transaction, so no row is read twice.
import type { BulkRunner } from "@/lib/db/runners";
import type { DayTally } from "./copy-read";

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;

/**
 * A value in COPY text format: backslash, tab, newline and carriage return escaped; null as \N;
 * NUL, which PostgreSQL cannot store in text, as U+FFFD.
 */
export function copyField(v: string | null): string {
  if (v === null) return "\\N";
  // Most values need no escape: a test is several times cheaper than a replace that finds none.
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/[\\\t\n\r\0]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\uFFFD",
  );
}

export const PULLED_COLUMNS = `"audit_events" ("occurred_at", "action", "actor", "organisation", "ip", "outcome", "target")`;

/** The arrays of one daily-count upsert: per UTC day and action, the events and the latest. */
export interface DailyColumns {
  days: string[];
  actions: string[];
  counts: number[];
  /** The latest event of each, as ISO text. */
  lasts: string[];
}

/** Counts per day and action as the arrays of the daily-count upsert. */
export function dailyColumns(tally: Iterable<DayTally>): DailyColumns {
  const d: DailyColumns = { days: [], actions: [], counts: [], lasts: [] };
  for (const { day, action, n, lastOfDay } of tally) {
    d.days.push(day);
    d.actions.push(action);
    d.counts.push(n);
    d.lasts.push(new Date(Date.parse(day) + lastOfDay).toISOString());
  }
  return d;
}

/**
 * Adds events per UTC day and action to the daily counts, in one upsert, and raises each row's
 * latest event. Every writer of the daily counts locks their rows in one order (action, then
 * day), so two ingests at the same moment wait for each other instead of deadlocking.
 */
export async function addDailyCounts(q: BulkRunner, d: DailyColumns): Promise<void> {
  await q.query(
    `INSERT INTO "audit_event_daily" ("day", "action", "count", "last_at")
     SELECT u.day, u.action, u.n, u.last
     FROM unnest($1::date[], $2::text[], $3::int[], $4::timestamptz[]) AS u(day, action, n, last)
     ORDER BY u.action, u.day
     ${RAISE_DAILY}`,
    [d.days, d.actions, d.counts, d.lasts],
  );
}

/** The conflict clause of every daily-count upsert: the count added, the latest kept. */
export const RAISE_DAILY = `ON CONFLICT ("action", "day") DO UPDATE SET
  "count" = "audit_event_daily"."count" + EXCLUDED."count",
  "last_at" = GREATEST("audit_event_daily"."last_at", EXCLUDED."last_at")`;
