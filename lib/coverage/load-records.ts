import type { Tx } from "@/lib/db/tx";
import { parseIsoDay } from "@/lib/dates";
import type { Interval } from "./frequency";
import type { CoverageExpectation, CoverageItem, CoverageRunDay } from "./types";

export interface CoverageRecords {
  runDays: Map<string, CoverageRunDay[]>;
  expected: Map<string, CoverageExpectation[]>;
  items: Map<string, CoverageItem[]>;
}

const push = <T>(m: Map<string, T[]>, key: string, v: T) => m.set(key, [...(m.get(key) ?? []), v]);
const day = (s: string) => parseIsoDay(s)!;

/**
 * The dated records coverage is decided from, aggregated in SQL so a year of data stays a few
 * hundred rows: mapped test runs per control and day, days with events per expected action (from
 * the daily counts, never the raw events), and the open spans of P0/P1 items linked to controls.
 */
export async function loadCoverageRecords(prisma: Tx, period: Interval): Promise<CoverageRecords> {
  const [runs, expectations, items] = await Promise.all([
    prisma.$queryRaw<
      { control_id: string; day: string; runs: number; failing_runs: number; run_id: string }[]
    >`
      WITH per_run AS (
        SELECT t.control_id::text AS control_id, r.id AS run_id, r.started_at, t.failing > 0 AS failing
        FROM "test_runs" r
        JOIN "test_run_controls" t ON t.run_id = r.id
        WHERE r.started_at >= ${period.start} AND r.started_at < ${period.end}
          AND r.not_current_reason IS NULL
          AND NOT (t.control_id = ANY (coalesce(r.not_current_controls, '{}')))
      )
      SELECT control_id, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
             count(*)::int AS runs, count(*) FILTER (WHERE failing)::int AS failing_runs,
             coalesce(min(run_id::text) FILTER (WHERE failing), min(run_id::text)) AS run_id
      FROM per_run GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<
      {
        id: string;
        control_id: string;
        action: string;
        max_silence_days: number;
        days: string[] | null;
      }[]
    >`
      SELECT x.id::text, x.control_id::text, x.action, x.max_silence_days,
             (SELECT array_agg(to_char(d.day, 'YYYY-MM-DD') ORDER BY d.day)
              FROM "audit_event_daily" d
              WHERE d.action = x.action AND d.count > 0
                AND d.day >= ${period.start}::date AND d.day < ${period.end}::date) AS days
      FROM "expected_events" x`,
    prisma.$queryRaw<
      {
        control_id: string;
        id: string;
        key: string;
        title: string;
        priority: "P0" | "P1";
        opened_at: Date;
        closed_at: Date | null;
      }[]
    >`
      SELECT * FROM (
        SELECT bc.control_id::text, b.id::text, b.key, b.title, b.priority::text AS priority,
               b.created_at AS opened_at,
               CASE WHEN b.status IN ('open', 'in_progress', 'awaiting_deployment') THEN NULL
                    ELSE coalesce((SELECT max(t.at) FROM "backlog_transitions" t
                                   WHERE t.item_id = b.id
                                     AND t."to" NOT IN ('open', 'in_progress', 'awaiting_deployment')),
                                  b.resolved_at, b.updated_at) END AS closed_at
        FROM "backlog_items" b JOIN "backlog_controls" bc ON bc.item_id = b.id
        WHERE b.priority IN ('P0', 'P1') AND b.created_at < ${period.end}
      ) s WHERE s.closed_at IS NULL OR s.closed_at >= ${period.start}`,
  ]);
  const out: CoverageRecords = { runDays: new Map(), expected: new Map(), items: new Map() };
  for (const r of runs)
    push(out.runDays, r.control_id, {
      day: day(r.day),
      runs: r.runs,
      failingRuns: r.failing_runs,
      runId: r.run_id,
    });
  for (const x of expectations)
    push(out.expected, x.control_id, {
      id: x.id,
      action: x.action,
      maxSilenceDays: x.max_silence_days,
      days: (x.days ?? []).map(day),
    });
  for (const i of items)
    push(out.items, i.control_id, {
      id: i.id,
      key: i.key,
      title: i.title,
      priority: i.priority,
      openedAt: i.opened_at,
      closedAt: i.closed_at,
    });
  return out;
}
