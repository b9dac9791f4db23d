// The heat map: occurrences of every control folded onto one shared grid of weeks (months for
// periods longer than about six months), and a criterion's coverage as the combination of its
// controls'. Pure.
import { isoDay } from "@/lib/dates";
import { formatInterval } from "./coverage";
import { occurrences, type Interval } from "./frequency";
import type { ControlCoverage, OccurrenceState } from "./types";

export interface Column extends Interval {
  label: string;
  unit: "week" | "month";
  /** "2026-06-01 – 2026-06-07": the start of every cell's text, built once per column. */
  range: string;
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
    unit: weeks ? ("week" as const) : ("month" as const),
    range: formatInterval(o),
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

/** PRECEDENCE as ranks: the lower, the worse. */
const RANK = Object.fromEntries(PRECEDENCE.map((s, i) => [s, i])) as Record<
  OccurrenceState,
  number
>;

/**
 * One cell per column: the worst state of the occurrences overlapping it, read as text. The
 * occurrences of a coverage are in order and contiguous, so one pass walks them alongside the
 * columns (instead of every column filtering every occurrence: 12 × 365 tests per daily control).
 */
export function cellsFor(coverage: ControlCoverage, columns: Column[]): Cell[] {
  const occ = coverage.occurrences;
  let first = 0;
  return columns.map((col) => {
    const colStart = col.start.getTime();
    const colEnd = col.end.getTime();
    while (first < occ.length && occ[first]!.end.getTime() <= colStart) first++;
    // The worst state seen, the first occurrence showing it, and the judged ones.
    let rank = PRECEDENCE.length;
    let shown = -1;
    let judged = 0;
    let operated = 0;
    for (let i = first; i < occ.length; i++) {
      const o = occ[i]!;
      if (o.start.getTime() >= colEnd) break;
      if (o.end.getTime() <= colStart) continue;
      const r = RANK[o.state];
      if (r < rank) {
        rank = r;
        shown = i;
      }
      if (o.state === "covered" || o.state === "exception") operated++;
      if (o.state === "covered" || o.state === "exception" || o.state === "uncovered") judged++;
    }
    const state = PRECEDENCE[rank] ?? "future";
    const count = judged > 1 ? ` (${operated} of ${judged} operated)` : "";
    // Distinct notes: a control's evidence items often share a title (one per nightly run).
    const why = shown >= 0 ? [...new Set(occ[shown]!.notes)].slice(0, 3).join(", ") : undefined;
    return {
      state,
      text: `${col.range}: ${STATE_LABEL[state]}${count}${why && state !== "future" ? ` — ${why}` : ""}`,
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
      text: `${col.range}: ${STATE_LABEL[state]}${controls.length > 1 ? ` (${n} of ${controls.length} controls)` : ""}`,
    };
  });
  return {
    judged,
    operated,
    percent: judged ? Math.floor((operated * 100) / judged) : null,
    cells,
  };
}
