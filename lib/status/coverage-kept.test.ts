import { describe, expect, it } from "vitest";
import { coverageInput } from "@/lib/coverage/assemble";
import { computeCoverage } from "@/lib/coverage/coverage";
import type { CoverageRecords } from "@/lib/coverage/load-records";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { controlCoverage } from "./coverage-kept";
import type { StatusControl } from "./load-controls";

// Dates from today: a period of the last 30 days and the next one.
const today = startOfUtcDay(new Date());
const noon = new Date(today.getTime() + 12 * 3_600_000);
const period = { start: addDays(today, -30), end: addDays(today, 1) };
const control: StatusControl = {
  id: "c1",
  title: "Nightly tests",
  implementation: "implemented",
  naJustification: null,
  frequency: null,
  createdAt: addDays(today, -40),
  criteria: ["CC7.1"],
  evidence: [],
};
const runs = (failing: number) => [
  { day: addDays(today, -2), runs: 1, failingRuns: 0, runId: "r1" },
  { day: addDays(today, -1), runs: 1, failingRuns: failing, runId: "r2" },
];
const records = (runDays = runs(0)): CoverageRecords => ({
  runDays: new Map([["c1", runDays]]),
  expected: new Map(),
  items: new Map(),
});
const fromScratch = (r: CoverageRecords, now: Date, p = period) =>
  computeCoverage(coverageInput(control, control.evidence, r), { period: p, now });

describe("controlCoverage", () => {
  it("keeps the result for the same control, records and period on the same day", () => {
    const r = records();
    const first = controlCoverage(control, r, period, noon);
    expect(first).toEqual(fromScratch(r, noon));
    expect(controlCoverage(control, r, period, new Date(noon.getTime() + 3_600_000))).toBe(first);
    // Other maps holding the same arrays (pieces that did not move), a period of the same days.
    const same: CoverageRecords = { ...r, expected: new Map(), items: new Map() };
    expect(controlCoverage(control, same, { ...period }, noon)).toBe(first);
  });

  it("computes again when the control's records, the period or the day differ", () => {
    const r = records();
    const first = controlCoverage(control, r, period, noon);
    const failing = records(runs(1));
    const changed = controlCoverage(control, failing, period, noon);
    expect(changed).not.toBe(first);
    expect(changed).toEqual(fromScratch(failing, noon));
    expect(changed.exceptions.map((e) => e.kind)).toEqual(["failed_run"]);

    const shorter = { start: addDays(today, -10), end: period.end };
    const cut = controlCoverage(control, failing, shorter, noon);
    expect(cut.occurrences.length).toBeLessThan(changed.occurrences.length);
    expect(cut).toEqual(fromScratch(failing, noon, shorter));

    const tomorrow = addDays(noon, 1);
    const later = controlCoverage(control, failing, shorter, tomorrow);
    expect(later).not.toBe(cut);
    expect(later).toEqual(fromScratch(failing, tomorrow, shorter));

    const withItem: CoverageRecords = {
      ...failing,
      items: new Map([
        [
          "c1",
          [
            {
              id: "i1",
              key: "BL-1",
              title: "Fix",
              priority: "P0",
              openedAt: addDays(today, -3),
              closedAt: null,
            },
          ],
        ],
      ]),
    };
    const withOpenItem = controlCoverage(control, withItem, shorter, tomorrow);
    expect(withOpenItem).not.toBe(later);
    expect(withOpenItem).toEqual(fromScratch(withItem, tomorrow, shorter));

    const withExpected: CoverageRecords = {
      ...withItem,
      expected: new Map([
        ["c1", [{ id: "x1", action: "login", maxSilenceDays: 1, days: [addDays(today, -9)] }]],
      ]),
    };
    const expecting = controlCoverage(control, withExpected, shorter, tomorrow);
    expect(expecting).not.toBe(withOpenItem);
    expect(expecting).toEqual(fromScratch(withExpected, tomorrow, shorter));
    expect(expecting.exceptions.map((e) => e.kind)).toContain("silence");

    // Each change above alone, so each part of what the result is kept with is checked alone.
    const ended = { start: shorter.start, end: addDays(today, -3) };
    const early = controlCoverage(control, withExpected, ended, tomorrow);
    expect(early.occurrences.length).toBeLessThan(expecting.occurrences.length);
    expect(early).toEqual(fromScratch(withExpected, tomorrow, ended));
  });
});
