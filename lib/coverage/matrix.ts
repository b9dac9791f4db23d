// The heat map: occurrences of every control folded onto one shared grid of weeks (months for
// periods longer than about six months), and a criterion's coverage as the combination of its
// controls'. Pure.
import { isoDay } from "@/lib/dates";
import { formatInterval } from "./coverage";
import { occurrences, type Interval } from "./frequency";
import type { ControlCoverage, OccurrenceState } from "./types";

export interface Column extends Interval {
  label: string;
}

export interface Cell {
  state: OccurrenceState;
  /** The cell read as text: "2026-W32 uncovered: no evidence". */
  text: string;
}

/** Weeks for periods up to 190 days, months beyond. */
export function columnsFor(period: Interval): Column[] {
  const weeks = (period.end.getTime() - period.start.getTime()) / 86_400_000 <= 190;
  return occurrences(period, weeks ? "weekly" : "monthly").map((o) => ({
    ...o,
    label: weeks ? `week of ${isoDay(o.start)}` : isoDay(o.start).slice(0, 7),
  }));
}

// Which state a cell shows when several occurrences fall in it: the worst that happened.
const PRECEDENCE: OccurrenceState[] = [
  "uncovered",
  "exception",
  "covered",
  "pending",
  "before",
  "future",
];

export const STATE_LABEL: Record<OccurrenceState, string> = {
  covered: "covered",
  exception: "exception",
  uncovered: "uncovered",
  before: "before the control existed",
  pending: "under way",
  future: "not yet",
};

function worstState(states: OccurrenceState[]): OccurrenceState {
  for (const s of PRECEDENCE) if (states.includes(s)) return s;
  return "future";
}

export function cellsFor(coverage: ControlCoverage, columns: Column[]): Cell[] {
  return columns.map((col) => {
    const inside = coverage.occurrences.filter((o) => o.start < col.end && col.start < o.end);
    const state = worstState(inside.map((o) => o.state));
    const judged = inside.filter((o) => ["covered", "exception", "uncovered"].includes(o.state));
    const operated = judged.filter((o) => o.state !== "uncovered").length;
    const count = judged.length > 1 ? ` (${operated} of ${judged.length} operated)` : "";
    const why = inside
      .find((o) => o.state === state)
      ?.notes.slice(0, 3)
      .join(", ");
    return {
      state,
      text: `${formatInterval(col)}: ${STATE_LABEL[state]}${count}${why && state !== "future" ? ` — ${why}` : ""}`,
    };
  });
}

export interface CombinedCoverage {
  judged: number;
  operated: number;
  percent: number | null;
  cells: Cell[];
}

/** A criterion's (or a category's) coverage: its controls' occurrences pooled, cells at their worst. */
export function combineCoverage(controls: ControlCoverage[], columns: Column[]): CombinedCoverage {
  const judged = controls.reduce((n, c) => n + c.judged, 0);
  const operated = controls.reduce((n, c) => n + c.operated, 0);
  const perControl = controls.map((c) => cellsFor(c, columns));
  const cells = columns.map((col, i) => {
    const states = perControl.map((cells) => cells[i]?.state ?? "future");
    const state = worstState(states);
    const n = states.filter((s) => s === state).length;
    return {
      state,
      text: `${formatInterval(col)}: ${STATE_LABEL[state]}${controls.length > 1 ? ` (${n} of ${controls.length} controls)` : ""}`,
    };
  });
  return {
    judged,
    operated,
    percent: judged ? Math.floor((operated * 100) / judged) : null,
    cells,
  };
}
