import type { Tx } from "@/lib/db/tx";
import { DAY_MS, sharedDates } from "@/lib/dates";
import { reuseRows } from "@/lib/status/reuse-unchanged";
import { controlsIn } from "@/lib/status/test-changes";
import type { Interval } from "./frequency";
import type { CoverageExpectation, CoverageItem, CoverageRunDay } from "./types";

export interface CoverageRecords {
  runDays: Map<string, CoverageRunDay[]>;
  expected: Map<string, CoverageExpectation[]>;
  items: Map<string, CoverageItem[]>;
}

const push = <T>(m: Map<string, T[]>, key: string, v: T) => {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
};

/**
 * A UTC day from its number of days since 1970-01-01, as SQL `date - date '1970-01-01'` gives;
 * one Date per day (`at`), however many controls ran or expected events on it.
 */
const fromEpochDay = (at: (ms: number) => Date, d: number) => at(d * DAY_MS);

/**
 * The dated records coverage is decided from, aggregated in SQL so a year of data stays a few
 * hundred rows: mapped test runs per control and day, days with events per expected action (from
 * the daily counts, never the raw events), and the open spans of P0/P1 items linked to controls.
 * Each of the three is read by a loader of its own, which status keeps until the data version of
 * its part moves (lib/status/status-inputs.ts).
 */
export async function loadCoverageRecords(
  prisma: Tx,
  period: Interval,
  at: (ms: number) => Date = sharedDates(),
): Promise<CoverageRecords> {
  const [runDays, expected, items] = await Promise.all([
    loadRunDays(prisma, period, at),
    loadExpectedDays(prisma, period, at),
    loadOpenItems(prisma, period),
  ]);
  return { runDays, expected, items };
}

/**
 * Mapped test runs per control and day, in the period, for `controls` when given. `previous` is
 * the last load: a control whose days read the same keeps that same array (so its coverage is kept
 * too, status/compute.ts).
 */
export async function loadRunDays(
  prisma: Tx,
  period: Interval,
  at: (ms: number) => Date,
  previous?: Promise<CoverageRecords["runDays"]>,
  controls: string[] | null = null,
): Promise<CoverageRecords["runDays"]> {
  // One row per control, its days as parallel arrays (days since 1970-01-01): Prisma maps a raw
  // result value by value, and a year of daily runs for a few controls is thousands of rows —
  // four arrays per control cost a fifth of the CPU time. JSON arrays rather than PostgreSQL
  // ones: the driver parses those character by character in JavaScript (11–16 ms of CPU for a
  // year of runs of ten controls), JSON.parse natively (2 ms) — and only for a control whose
  // days changed, as the text is compared first.
  const rows = prisma.$queryRaw<{ key: string; source: string }[]>`
    WITH per_run AS (
      SELECT t.control_id::text AS control_id, r.id AS run_id, r.started_at, t.failing > 0 AS failing
      FROM "test_runs" r
      JOIN "test_run_controls" t ON t.run_id = r.id
      WHERE r.started_at >= ${period.start} AND r.started_at < ${period.end}
        AND r.not_current_reason IS NULL
        AND NOT (t.control_id = ANY (coalesce(r.not_current_controls, '{}')))
        ${controlsIn(controls)}
    ), per_day AS (
      SELECT control_id, (started_at AT TIME ZONE 'UTC')::date - date '1970-01-01' AS day,
             count(*)::int AS runs, count(*) FILTER (WHERE failing)::int AS failing_runs,
             coalesce(min(run_id::text) FILTER (WHERE failing), min(run_id::text)) AS run_id
      FROM per_run GROUP BY 1, 2
    )
    SELECT control_id AS key,
           json_build_array(json_agg(day ORDER BY day), json_agg(runs ORDER BY day),
                            json_agg(failing_runs ORDER BY day),
                            json_agg(run_id ORDER BY day))::text AS source
    FROM per_day GROUP BY control_id ORDER BY control_id`;
  return new Map(
    await reuseRows(rows, previous, (source) => {
      const [days, counts, failing, runIds] = JSON.parse(source) as [
        number[],
        number[],
        number[],
        string[],
      ];
      return days.map((d, i) => ({
        day: fromEpochDay(at, d),
        runs: counts[i]!,
        failingRuns: failing[i]!,
        runId: runIds[i]!,
      }));
    }),
  );
}

/** Per control, its expected event types with the days of the period that have events. */
export async function loadExpectedDays(
  prisma: Tx,
  period: Interval,
  at: (ms: number) => Date,
): Promise<CoverageRecords["expected"]> {
  const expectations = await prisma.$queryRaw<
    {
      id: string;
      control_id: string;
      action: string;
      max_silence_days: number;
      days: number[] | null;
    }[]
  >`
    SELECT x.id::text, x.control_id::text, x.action, x.max_silence_days,
           (SELECT json_agg(d.day - date '1970-01-01' ORDER BY d.day)
            FROM "audit_event_daily" d
            WHERE d.action = x.action AND d.count > 0
              AND d.day >= ${period.start}::date AND d.day < ${period.end}::date) AS days
    FROM "expected_events" x ORDER BY x.id`;
  const out: CoverageRecords["expected"] = new Map();
  for (const x of expectations)
    push(out, x.control_id, {
      id: x.id,
      action: x.action,
      maxSilenceDays: x.max_silence_days,
      days: (x.days ?? []).map((d) => fromEpochDay(at, d)),
    });
  return out;
}

/** Per control, the P0/P1 items linked to it that were open at some time in the period. */
export async function loadOpenItems(
  prisma: Tx,
  period: Interval,
): Promise<CoverageRecords["items"]> {
  // When each item closed, from its transitions aggregated once (a correlated subquery per
  // item, evaluated in the select and again in the filter, cost most of this query). One row
  // per control, its items as a JSON array of [id, key, title, priority, opened, closed] with
  // the instants in epoch milliseconds: 2,500 rows of seven values, each mapped by Prisma and
  // two of them timestamps parsed from text, cost three times the CPU of a JSON.parse.
  const items = await prisma.$queryRaw<
    {
      control_id: string;
      items: [string, string, string, "P0" | "P1", number, number | null][];
    }[]
  >`
    WITH closes AS (
      SELECT t.item_id, max(t.at) AS at FROM "backlog_transitions" t
      WHERE t."to" NOT IN ('open', 'in_progress', 'awaiting_deployment')
      GROUP BY t.item_id
    ), spans AS (
      SELECT b.id, b.key, b.title, b.priority::text AS priority, b.created_at AS opened_at,
             CASE WHEN b.status IN ('open', 'in_progress', 'awaiting_deployment') THEN NULL
                  ELSE coalesce(c.at, b.resolved_at, b.updated_at) END AS closed_at
      FROM "backlog_items" b LEFT JOIN closes c ON c.item_id = b.id
      WHERE b.priority IN ('P0', 'P1') AND b.created_at < ${period.end}
    )
    SELECT bc.control_id::text,
           json_agg(json_build_array(s.id::text, s.key, s.title, s.priority,
                                     trunc(extract(epoch FROM s.opened_at) * 1000),
                                     trunc(extract(epoch FROM s.closed_at) * 1000))) AS items
    FROM spans s JOIN "backlog_controls" bc ON bc.item_id = s.id
    WHERE s.closed_at IS NULL OR s.closed_at >= ${period.start}
    GROUP BY bc.control_id`;
  return new Map(
    items.map((r) => [
      r.control_id,
      r.items.map(([id, key, title, priority, opened, closed]) => ({
        id,
        key,
        title,
        priority,
        openedAt: new Date(opened),
        closedAt: closed === null ? null : new Date(closed),
      })),
    ]),
  );
}
