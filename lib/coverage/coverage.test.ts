import { describe, expect, it } from "vitest";
import { addDays, isoDay, parseIsoDay } from "@/lib/dates";
import { computeCoverage, silentIntervals } from "./coverage";
import { cellsFor, columnsFor, combineCoverage } from "./matrix";
import type { Frequency } from "./frequency";
import type { ControlCoverageInput, CoverageContext, CoverageEvidence } from "./types";

// Every date here is a fixed past calendar date and `now` is passed in: the computation never
// reads the clock, so these hold on any day (and under faketime).
const day = (s: string) => parseIsoDay(s)!;
const ctx = (start: string, endExclusive: string, now: string): CoverageContext => ({
  period: { start: day(start), end: day(endExclusive) },
  now: new Date(day(now).getTime() + 12 * 3_600_000),
});
const evidence = (date: string, extra: Partial<CoverageEvidence> = {}): CoverageEvidence => ({
  id: `e-${date}`,
  title: `Review ${date}`,
  state: "accepted",
  evidenceDate: day(date),
  periodStart: null,
  periodEnd: null,
  expiresAt: null,
  ...extra,
});
const control = (
  frequency: Frequency,
  extra: Partial<ControlCoverageInput> = {},
): ControlCoverageInput => ({
  id: "c1",
  frequency,
  createdAt: day("2020-01-01"),
  evidence: [],
  runDays: [],
  expected: [],
  items: [],
  ...extra,
});
const states = (c: ReturnType<typeof computeCoverage>) => c.occurrences.map((o) => o.state);

describe("computeCoverage", () => {
  it.each<[string, ControlCoverageInput, CoverageContext, string[]]>([
    [
      "monthly: a missing month is uncovered",
      control("monthly", { evidence: [evidence("2026-01-15"), evidence("2026-03-02")] }),
      ctx("2026-01-01", "2026-04-01", "2026-06-01"),
      ["covered", "uncovered", "covered"],
    ],
    [
      "monthly: evidence on the last day of February (leap year) covers February",
      control("monthly", { evidence: [evidence("2024-02-29")] }),
      ctx("2024-02-01", "2024-04-01", "2024-06-01"),
      ["covered", "uncovered"],
    ],
    [
      "weekly from mid-week: the short first week needs its own evidence",
      control("weekly", { evidence: [evidence("2026-07-07"), evidence("2026-07-14")] }),
      ctx("2026-07-01", "2026-07-20", "2026-08-01"),
      ["uncovered", "covered", "covered"],
    ],
    [
      "evidence covering a period spans the occurrences it overlaps",
      control("monthly", {
        evidence: [
          evidence("2026-03-31", { periodStart: day("2026-01-20"), periodEnd: day("2026-02-10") }),
        ],
      }),
      ctx("2026-01-01", "2026-04-01", "2026-06-01"),
      ["covered", "covered", "uncovered"],
    ],
    [
      "expired evidence stops covering the occurrences after its expiry",
      control("monthly", {
        evidence: [
          evidence("2026-01-05", {
            periodStart: day("2026-01-01"),
            periodEnd: day("2026-03-31"),
            expiresAt: day("2026-02-15"),
          }),
        ],
      }),
      ctx("2026-01-01", "2026-04-01", "2026-06-01"),
      ["covered", "covered", "uncovered"],
    ],
    [
      "draft and rejected evidence never covers",
      control("monthly", {
        evidence: [
          evidence("2026-01-05", { state: "draft" }),
          evidence("2026-02-05", { state: "rejected" }),
        ],
      }),
      ctx("2026-01-01", "2026-03-01", "2026-06-01"),
      ["uncovered", "uncovered"],
    ],
    [
      "a control created mid-period is not judged before it existed",
      control("monthly", {
        createdAt: day("2026-02-10"),
        evidence: [evidence("2026-02-20")],
      }),
      ctx("2026-01-01", "2026-04-01", "2026-06-01"),
      ["before", "covered", "uncovered"],
    ],
    [
      "a control entered mid-period with older evidence existed since that evidence",
      control("monthly", {
        createdAt: day("2026-03-10"),
        evidence: [evidence("2026-01-20")],
      }),
      ctx("2026-01-01", "2026-04-01", "2026-06-01"),
      ["covered", "uncovered", "uncovered"],
    ],
    [
      "the occurrence under way is pending until a record arrives; later ones are future",
      control("monthly", { evidence: [evidence("2026-01-10")] }),
      ctx("2026-01-01", "2026-05-01", "2026-02-14"),
      ["covered", "pending", "future", "future"],
    ],
    [
      "quarterly: reviewed twice in a quarter does not make up for the quarter without one",
      control("quarterly", { evidence: [evidence("2026-01-10"), evidence("2026-03-20")] }),
      ctx("2026-01-01", "2026-07-01", "2026-08-01"),
      ["covered", "uncovered"],
    ],
    [
      "daily: test runs cover their days, a failing run is an exception",
      control("daily", {
        runDays: [
          { day: day("2026-03-01"), runs: 1, failingRuns: 0, runId: "r1" },
          { day: day("2026-03-02"), runs: 2, failingRuns: 1, runId: "r2" },
        ],
      }),
      ctx("2026-03-01", "2026-03-04", "2026-03-10"),
      ["covered", "exception", "uncovered"],
    ],
    [
      "an open P0 item during a covered occurrence is an exception",
      control("monthly", {
        evidence: [evidence("2026-01-10"), evidence("2026-02-10")],
        items: [
          {
            id: "b1",
            key: "BL-1",
            title: "RLS missing",
            priority: "P0",
            openedAt: day("2026-02-03"),
            closedAt: day("2026-02-20"),
          },
        ],
      }),
      ctx("2026-01-01", "2026-03-01", "2026-06-01"),
      ["covered", "exception"],
    ],
  ])("%s", (_, input, context, want) => {
    expect(states(computeCoverage(input, context))).toEqual(want);
  });

  it("names uncovered intervals, merging consecutive occurrences", () => {
    const c = computeCoverage(
      control("weekly", { evidence: [evidence("2026-06-02"), evidence("2026-06-30")] }),
      ctx("2026-06-01", "2026-07-06", "2026-08-01"),
    );
    expect(c.uncovered.map((u) => u.text)).toEqual(["No evidence 2026-06-08 – 2026-06-28"]);
    expect([c.judged, c.operated, c.percent]).toEqual([5, 2, 40]);
  });

  it("makes a silence beyond tolerance uncovered whatever else exists, and lists it", () => {
    const days = Array.from({ length: 20 }, (_, i) => addDays(day("2026-05-01"), i));
    const c = computeCoverage(
      control("weekly", {
        evidence: [evidence("2026-05-27")],
        expected: [{ id: "x1", action: "login_failed", maxSilenceDays: 7, days }],
      }),
      ctx("2026-05-04", "2026-06-08", "2026-06-07"),
    );
    // Events 05-01…05-20, then nothing: weeks from 05-25 are silent even with evidence on 05-27.
    expect(states(c)).toEqual(["covered", "covered", "covered", "uncovered", "uncovered"]);
    expect(c.uncovered.map((u) => u.text)).toEqual([
      "No `login_failed` events 2026-05-25 – 2026-06-07",
    ]);
    expect(c.exceptions.map((e) => e.text)).toEqual([
      "No `login_failed` events 2026-05-21 – 2026-06-07 (silence tolerated: 7 days)",
    ]);
  });

  it("tolerates silences up to the expectation and treats event days as operating", () => {
    const days = ["2026-04-01", "2026-04-06", "2026-04-12"].map(day);
    const e = { id: "x", action: "permission_changed", maxSilenceDays: 7, days };
    expect(silentIntervals(e, { start: day("2026-04-01"), end: day("2026-04-13") })).toEqual([]);
    const c = computeCoverage(
      control("weekly", { expected: [e] }),
      ctx("2026-03-30", "2026-04-13", "2026-05-01"),
    );
    expect(states(c)).toEqual(["covered", "covered"]);
  });

  it("lists failed runs and critical items among the exceptions with their dates", () => {
    const c = computeCoverage(
      control("daily", {
        runDays: [{ day: day("2026-03-02"), runs: 1, failingRuns: 1, runId: "r2" }],
        items: [
          {
            id: "b1",
            key: "BL-7",
            title: "Fix it",
            priority: "P1",
            openedAt: day("2026-03-01"),
            closedAt: null,
          },
        ],
      }),
      ctx("2026-03-01", "2026-03-04", "2026-03-10"),
    );
    expect(c.exceptions.map((e) => [e.kind, isoDay(e.start), e.text])).toEqual([
      [
        "critical_item",
        "2026-03-01",
        'P1 backlog item BL-7 "Fix it" open 2026-03-01 – 2026-03-03 (still open)',
      ],
      ["failed_run", "2026-03-02", "1 of 1 test run(s) on 2026-03-02 had failing mapped tests"],
    ]);
  });

  it("folds occurrences onto week columns and combines controls at their worst", () => {
    const context = ctx("2026-06-01", "2026-06-15", "2026-07-01");
    const daily = computeCoverage(
      control("daily", {
        runDays: [0, 1, 2, 3, 4, 5, 6, 7, 8, 10].map((d) => ({
          day: addDays(day("2026-06-01"), d),
          runs: 1,
          failingRuns: 0,
          runId: `r${d}`,
        })),
      }),
      context,
    );
    const columns = columnsFor(context.period);
    expect(columns.map((c) => c.label)).toEqual(["week of 2026-06-01", "week of 2026-06-08"]);
    const cells = cellsFor(daily, columns);
    expect(cells.map((c) => c.state)).toEqual(["covered", "uncovered"]);
    expect(cells[1]?.text).toBe(
      "2026-06-08 – 2026-06-14: uncovered (3 of 7 operated) — no evidence",
    );
    const monthly = computeCoverage(
      control("monthly", { evidence: [evidence("2026-06-03")] }),
      context,
    );
    const combined = combineCoverage([daily, monthly], columns);
    expect(combined.cells.map((c) => c.state)).toEqual(["covered", "uncovered"]);
    expect([combined.judged, combined.operated, combined.percent]).toEqual([15, 11, 73]);
  });
});
