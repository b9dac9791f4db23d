import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/dates";
import { computeCoverage } from "./coverage";
import { controlStrip, criterionStrip } from "./strip";
import type { ControlCoverageInput } from "./types";

// Fixed past dates, `now` passed in: no comparison with the clock.
const day = (s: string) => parseIsoDay(s)!;
const period = { start: day("2026-01-01"), end: day("2026-04-01") };
const input = (id: string, evidenceDays: string[]): ControlCoverageInput => ({
  id,
  frequency: "monthly",
  derived: id === "b",
  createdAt: day("2025-01-01"),
  evidence: evidenceDays.map((d) => ({
    id: d,
    title: `Review ${d}`,
    state: "accepted",
    evidenceDate: day(d),
    periodStart: null,
    periodEnd: null,
    expiresAt: null,
  })),
  runDays: [],
  expected: [],
  items: [],
});
const now = day("2026-05-01");

describe("coverage strips", () => {
  it("summarises a control and lists its uncovered intervals", () => {
    const c = computeCoverage(input("a", ["2026-01-05", "2026-03-05"]), { period, now });
    const strip = controlStrip(c, period);
    expect(strip.summary).toBe(
      "Monthly (set on the control) · operated in 2 of 3 monthly occurrence(s) of 2026-01-01 – 2026-03-31 so far · 66% coverage",
    );
    expect(strip.details).toEqual(["No evidence 2026-02-01 – 2026-02-28"]);
    expect(strip.cells).toHaveLength(14); // weeks, the first from Thursday 1 January
  });

  it("pools a criterion's controls", () => {
    const a = computeCoverage(input("a", ["2026-01-05", "2026-03-05"]), { period, now });
    const b = computeCoverage(input("b", ["2026-01-05", "2026-02-05", "2026-03-05"]), {
      period,
      now,
    });
    expect(criterionStrip([a, b], period).summary).toBe(
      "2 applicable control(s) · operated in 5 of 6 occurrences of 2026-01-01 – 2026-03-31 so far · 83% coverage",
    );
  });
});
