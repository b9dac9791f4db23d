import { dedupeKeyOf } from "@/lib/collectors/audit/dedupe-key";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/tx";
import { createControl } from "@/lib/controls/controls";
import { addDays, parseIsoDay, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { addExpectedEvent } from "@/lib/collectors/audit/expected-events";
import type { Interval } from "./frequency";
import { loadCoverageRecords, type CoverageRecords } from "./load-records";

const today = startOfUtcDay(new Date());
const ago = (n: number) => addDays(today, -n);

const junit = (at: Date, ref: string, failing: boolean) => `<?xml version="1.0"?>
<testsuite name="s" tests="2" timestamp="${at.toISOString().slice(0, 19)}">
  <properties><property name="control" value="${ref}"/></properties>
  <testcase classname="s" name="a">${failing ? "<failure>x</failure>" : ""}</testcase>
  <testcase classname="s" name="b"/>
</testsuite>`;

/**
 * The loader as it was before its queries were reshaped for speed (one row per control and day,
 * a correlated subquery per item): the reference the faster loader must agree with.
 */
async function referenceRecords(prisma: Tx, period: Interval): Promise<CoverageRecords> {
  const push = <T>(m: Map<string, T[]>, key: string, v: T) =>
    m.set(key, [...(m.get(key) ?? []), v]);
  const day = (s: string) => parseIsoDay(s)!;
  const runs = await prisma.$queryRaw<
    { control_id: string; day: string; runs: number; failing_runs: number; run_id: string }[]
  >`
    WITH per_run AS (
      SELECT t.control_id::text AS control_id, r.id AS run_id, r.started_at, t.failing > 0 AS failing
      FROM "test_runs" r JOIN "test_run_controls" t ON t.run_id = r.id
      WHERE r.started_at >= ${period.start} AND r.started_at < ${period.end}
        AND r.not_current_reason IS NULL
    )
    SELECT control_id, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
           count(*)::int AS runs, count(*) FILTER (WHERE failing)::int AS failing_runs,
           coalesce(min(run_id::text) FILTER (WHERE failing), min(run_id::text)) AS run_id
    FROM per_run GROUP BY 1, 2 ORDER BY 1, 2`;
  const expectations = await prisma.$queryRaw<
    { id: string; control_id: string; action: string; max_silence_days: number; days: string[] }[]
  >`
    SELECT x.id::text, x.control_id::text, x.action, x.max_silence_days,
           (SELECT array_agg(to_char(d.day, 'YYYY-MM-DD') ORDER BY d.day)
            FROM "audit_event_daily" d
            WHERE d.action = x.action AND d.count > 0
              AND d.day >= ${period.start}::date AND d.day < ${period.end}::date) AS days
    FROM "expected_events" x`;
  const items = await prisma.$queryRaw<
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
    ) s WHERE s.closed_at IS NULL OR s.closed_at >= ${period.start}`;
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

/** Maps compared regardless of the order rows arrived in. */
const sorted = (r: CoverageRecords) =>
  Object.fromEntries(
    (["runDays", "expected", "items"] as const).map((k) => [
      k,
      [...r[k].entries()]
        .map(([id, list]) => [
          id,
          [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]),
  );

describe("coverage records loaded in SQL", () => {
  it("are those of the row-per-day, subquery-per-item loader they replaced", async () => {
    const prisma = await db();
    const admin = await makeUser("admin");
    const base = {
      description: "",
      ownerId: admin.id,
      implementation: "implemented" as const,
      naJustification: null,
      locations: [],
      criteria: ["CC7.2"],
    };
    const tested = await createControl(admin, { ...base, title: "Tested nightly" });
    const other = await createControl(admin, {
      ...base,
      title: "Tested weekly",
      frequency: "weekly",
    });
    // Two runs on some days (one of them failing), a failing day alone, runs before the period.
    for (const [d, hour, failing, ref] of [
      [40, 1, false, tested.ref],
      [12, 1, false, tested.ref],
      [12, 5, true, tested.ref],
      [11, 2, true, tested.ref],
      [11, 3, false, other.ref],
      [3, 23, false, other.ref],
      [3, 1, false, tested.ref],
    ] as const)
      await ingestTestResults(
        admin,
        junit(new Date(ago(d).getTime() + hour * 3_600_000), ref, failing),
        {
          via: "upload",
          source: "ci",
          commit: `c${d}-${hour}`,
        },
      );
    await addExpectedEvent(admin, {
      controlId: other.id,
      action: "login_failed",
      maxSilenceDays: 7,
    });
    await addExpectedEvent(admin, {
      controlId: tested.id,
      action: "never_seen",
      maxSilenceDays: 3,
    });
    await storeAuditEvents(
      admin,
      [50, 20, 19, 2].map((d, i) => ({
        occurredAtMs: ago(d).getTime() + 7_200_000,
        action: "login_failed",
        actor: null,
        organisation: null,
        ip: null,
        outcome: "failure",
        target: null,
        metadataJson: null,
        dedupeKey: dedupeKeyOf(`lr-${i}`, ""),
      })),
      "test",
    );
    // Items: open; closed in the period by a transition; closed before it; resolved with no
    // transition (falls back to resolved_at); P2 (never loaded); linked to both controls.
    const item = async (
      key: string,
      priority: "P0" | "P1" | "P2",
      status: "open" | "verified" | "resolved",
      createdDaysAgo: number,
      closedDaysAgo: number | null,
      controls: string[],
    ) => {
      const b = await prisma.backlogItem.create({
        data: {
          key,
          title: `Item ${key}`,
          priority,
          status,
          createdAt: ago(createdDaysAgo),
          resolvedAt: status === "resolved" ? ago(closedDaysAgo ?? 0) : null,
          controls: { create: controls.map((controlId) => ({ controlId })) },
        },
      });
      await prisma.backlogTransition.create({
        data: { itemId: b.id, at: ago(createdDaysAgo), to: "open" },
      });
      if (status === "verified" && closedDaysAgo !== null)
        await prisma.backlogTransition.create({
          data: { itemId: b.id, at: ago(closedDaysAgo), from: "open", to: "verified" },
        });
    };
    await item("BL-901", "P0", "open", 30, null, [tested.id, other.id]);
    await item("BL-902", "P1", "verified", 45, 10, [tested.id]);
    await item("BL-903", "P1", "verified", 200, 100, [tested.id]);
    await item("BL-904", "P0", "resolved", 20, 5, [other.id]);
    await item("BL-905", "P2", "open", 20, null, [other.id]);

    const period = { start: ago(60), end: addDays(today, 1) };
    const fast = await loadCoverageRecords(prisma, period);
    const reference = await referenceRecords(prisma, period);
    expect(sorted(fast)).toEqual(sorted(reference));
    // The fixture reaches every branch compared above.
    expect(fast.runDays.get(tested.id)?.find((r) => r.runs === 2)?.failingRuns).toBe(1);
    expect(fast.expected.get(tested.id)?.[0]?.days).toEqual([]);
    expect(fast.expected.get(other.id)?.[0]?.days).toHaveLength(4);
    expect(
      [...fast.items.values()]
        .flat()
        .map((i) => i.key)
        .sort(),
    ).toEqual(["BL-901", "BL-901", "BL-902", "BL-904"]);
  });
});
