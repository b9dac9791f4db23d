import { describe, expect, it } from "vitest";
import { isoDay, parseIsoDay } from "@/lib/dates";
import {
  addMonthsClamped,
  deriveFrequency,
  FREQUENCIES,
  occurrences,
  suggestedSampleSize,
  type Frequency,
} from "./frequency";

// Occurrence splitting is calendar arithmetic on fixed historical periods: no comparison with today.
const day = (s: string) => parseIsoDay(s)!;
const spans = (start: string, endExclusive: string, f: Frequency) =>
  occurrences({ start: day(start), end: day(endExclusive) }, f).map(
    (o) => `${isoDay(o.start)}..${isoDay(new Date(o.end.getTime() - 86_400_000))}`,
  );

describe("occurrences", () => {
  it.each<[string, string, string, Frequency, string[]]>([
    [
      "daily over a leap day",
      "2024-02-28",
      "2024-03-02",
      "daily",
      ["2024-02-28..2024-02-28", "2024-02-29..2024-02-29", "2024-03-01..2024-03-01"],
    ],
    [
      "weekly from a Wednesday: a short first week, then Monday to Sunday",
      "2026-07-01",
      "2026-07-20",
      "weekly",
      ["2026-07-01..2026-07-05", "2026-07-06..2026-07-12", "2026-07-13..2026-07-19"],
    ],
    [
      "weekly from a Monday",
      "2026-06-01",
      "2026-06-15",
      "weekly",
      ["2026-06-01..2026-06-07", "2026-06-08..2026-06-14"],
    ],
    [
      "weekly from a Sunday: a one-day first week",
      "2026-05-31",
      "2026-06-08",
      "weekly",
      ["2026-05-31..2026-05-31", "2026-06-01..2026-06-07"],
    ],
    [
      "monthly from the 31st through February of a leap year",
      "2024-01-31",
      "2024-04-01",
      "monthly",
      ["2024-01-31..2024-01-31", "2024-02-01..2024-02-29", "2024-03-01..2024-03-31"],
    ],
    [
      "monthly in a common year ends February on the 28th",
      "2026-02-01",
      "2026-03-15",
      "monthly",
      ["2026-02-01..2026-02-28", "2026-03-01..2026-03-14"],
    ],
    [
      "quarterly on calendar quarters, clipped",
      "2026-05-15",
      "2026-12-01",
      "quarterly",
      ["2026-05-15..2026-06-30", "2026-07-01..2026-09-30", "2026-10-01..2026-11-30"],
    ],
    [
      "annually runs twelve months from the period start",
      "2026-07-03",
      "2027-09-01",
      "annually",
      ["2026-07-03..2027-07-02", "2027-07-03..2027-08-31"],
    ],
    [
      "annually from a leap day clamps to 28 February",
      "2024-02-29",
      "2026-01-01",
      "annually",
      ["2024-02-29..2025-02-27", "2025-02-28..2025-12-31"],
    ],
    [
      "ad hoc is the whole period",
      "2026-01-01",
      "2026-07-01",
      "ad_hoc",
      ["2026-01-01..2026-06-30"],
    ],
  ])("%s", (_, start, end, f, want) => {
    expect(spans(start, end, f)).toEqual(want);
  });

  it("continuous splits like daily, and an empty period has no occurrence", () => {
    expect(spans("2026-03-01", "2026-03-03", "continuous")).toHaveLength(2);
    expect(spans("2026-03-01", "2026-03-01", "weekly")).toEqual([]);
  });

  it("adds months on the same day or the last of a shorter month", () => {
    expect(isoDay(addMonthsClamped(day("2026-01-31"), 1))).toBe("2026-02-28");
    expect(isoDay(addMonthsClamped(day("2024-01-31"), 1))).toBe("2024-02-29");
    expect(isoDay(addMonthsClamped(day("2026-11-15"), 3))).toBe("2027-02-15");
  });

  // The heat map walks a control's occurrences alongside its columns in one pass (matrix.ts
  // cellsFor), which holds only if they tile the period in order, with no gap or overlap.
  it("tile any period in order, for every frequency", () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const broken: string[] = [];
    for (let i = 0; i < 100; i++) {
      const start = new Date(Date.UTC(2020 + next(8), next(12), 1 + next(28)));
      const end = new Date(start.getTime() + (1 + next(900)) * 86_400_000);
      for (const f of FREQUENCIES) {
        const occ = occurrences({ start, end }, f);
        let at = start.getTime();
        for (const o of occ) {
          if (o.start.getTime() !== at || o.end.getTime() <= at)
            broken.push(`${f} from ${isoDay(start)}`);
          at = o.end.getTime();
        }
        if (at !== end.getTime()) broken.push(`${f} to ${isoDay(end)}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("deriveFrequency", () => {
  it.each<[string, Parameters<typeof deriveFrequency>[0], Frequency]>([
    [
      "a nightly test run is daily",
      { hasTestRuns: true, silenceDays: [30], renewalDays: [] },
      "daily",
    ],
    [
      "a weekly silence tolerance",
      { hasTestRuns: false, silenceDays: [7], renewalDays: [] },
      "weekly",
    ],
    [
      "a 14-day tolerance is monthly",
      { hasTestRuns: false, silenceDays: [14], renewalDays: [] },
      "monthly",
    ],
    [
      "a 90-day renewal is quarterly",
      { hasTestRuns: false, silenceDays: [], renewalDays: [90] },
      "quarterly",
    ],
    [
      "a yearly renewal is annual",
      { hasTestRuns: false, silenceDays: [], renewalDays: [365] },
      "annually",
    ],
    [
      "the most frequent source wins",
      { hasTestRuns: false, silenceDays: [7], renewalDays: [365] },
      "weekly",
    ],
    [
      "nothing to go on is ad hoc",
      { hasTestRuns: false, silenceDays: [], renewalDays: [] },
      "ad_hoc",
    ],
  ])("%s", (_, hints, want) => {
    expect(deriveFrequency(hints)).toBe(want);
  });
});

describe("suggestedSampleSize", () => {
  it.each<[Frequency, number, number]>([
    ["annually", 1, 1],
    ["quarterly", 4, 2],
    ["monthly", 12, 2],
    ["weekly", 52, 5],
    ["daily", 365, 25],
    ["continuous", 100_000, 40],
    ["daily", 10, 10], // never more than the population
    ["ad_hoc", 3, 1],
    ["ad_hoc", 120, 12],
    ["ad_hoc", 5_000, 25],
    ["weekly", 0, 0],
  ])("%s with a population of %i → %i", (f, population, want) => {
    expect(suggestedSampleSize(f, population)).toBe(want);
  });
});
