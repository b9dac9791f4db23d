import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/dates";
import { cellsFor, columnsFor } from "./matrix";
import type { ControlCoverage, Occurrence, OccurrenceState } from "./types";

// Fixed past dates: cells are folded from given occurrences, nothing compares with the clock.
const day = (s: string) => parseIsoDay(s)!;
const occurrence = (
  start: string,
  end: string,
  state: OccurrenceState,
  notes: string[],
): Occurrence => ({ start: day(start), end: day(end), state, notes });
const coverage = (occurrences: Occurrence[]): ControlCoverage => ({
  controlId: "c1",
  frequency: "weekly",
  derived: false,
  occurrences,
  judged: 0,
  operated: 0,
  percent: null,
  uncovered: [],
  exceptions: [],
});

describe("cellsFor", () => {
  // Weeks of June 2026 from Monday 1 June; the occurrences are weekly, the first split mid-week
  // as a control created on a Thursday would be, and they stop before the last column.
  const columns = columnsFor({ start: day("2026-06-01"), end: day("2026-06-29") });
  const cells = cellsFor(
    coverage([
      occurrence("2026-06-01", "2026-06-04", "before", ["the control did not exist yet"]),
      occurrence("2026-06-04", "2026-06-08", "covered", ["evidence A"]),
      occurrence("2026-06-08", "2026-06-15", "exception", ["evidence B", "1 failing run(s)"]),
      occurrence("2026-06-15", "2026-06-22", "pending", ["under way, nothing recorded yet"]),
    ]),
    columns,
  );

  it("shows the worst state of the occurrences in a column, with the notes of the first showing it", () => {
    expect(cells.map((c) => c.state)).toEqual(["covered", "exception", "pending", "future"]);
    expect(cells.map((c) => c.text)).toEqual([
      "2026-06-01 – 2026-06-07: covered — evidence A",
      "2026-06-08 – 2026-06-14: exception — evidence B, 1 failing run(s)",
      "2026-06-15 – 2026-06-21: under way — under way, nothing recorded yet",
      "2026-06-22 – 2026-06-28: not yet",
    ]);
  });

  it("counts the judged occurrences of a column and names the first of the worst", () => {
    const daily = cellsFor(
      coverage([
        occurrence("2026-06-01", "2026-06-02", "covered", ["2 test run(s)"]),
        occurrence("2026-06-02", "2026-06-03", "uncovered", ["no evidence"]),
        occurrence("2026-06-03", "2026-06-04", "exception", ["1 test run(s)"]),
        occurrence("2026-06-04", "2026-06-05", "uncovered", ["no `login` events"]),
      ]),
      columns.slice(0, 2),
    );
    expect(daily.map((c) => c.text)).toEqual([
      "2026-06-01 – 2026-06-07: uncovered (2 of 4 operated) — no evidence",
      "2026-06-08 – 2026-06-14: not yet",
    ]);
  });

  it("names a note shared by several records once", () => {
    const [cell] = cellsFor(
      coverage([
        occurrence("2026-06-01", "2026-06-08", "covered", [
          'evidence "Nightly tests"',
          'evidence "Nightly tests"',
          'evidence "Nightly tests"',
          'evidence "Access review"',
        ]),
      ]),
      columns.slice(0, 1),
    );
    expect(cell?.text).toBe(
      '2026-06-01 – 2026-06-07: covered — evidence "Nightly tests", evidence "Access review"',
    );
  });

  it("says whether its columns are weeks or months", () => {
    expect(columns.every((c) => c.unit === "week")).toBe(true);
    const year = columnsFor({ start: day("2025-12-01"), end: day("2026-12-01") });
    expect(year).toHaveLength(12);
    expect(year.every((c) => c.unit === "month")).toBe(true);
  });
});
