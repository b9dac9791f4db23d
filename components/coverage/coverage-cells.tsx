import type { Cell } from "@/lib/coverage/matrix";
import type { OccurrenceState } from "@/lib/coverage/types";

// The colours of the states live in globals.css (`.cov-cell[data-state=…]`): a year's heat map
// has thousands of cells, and a long Tailwind class list on each was a large part of the page.
const LEGEND: [OccurrenceState, string][] = [
  ["covered", "covered"],
  ["exception", "exception (failed run, open P0/P1)"],
  ["uncovered", "uncovered"],
  ["before", "before the control existed"],
  ["pending", "under way"],
  ["future", "not yet"],
];

/**
 * One row of coloured cells. Each cell is an image named by its text (the `title`, which is also
 * what hovering shows): one copy of the text per cell instead of a label and a title.
 */
export function CoverageCells({ cells, testId }: { cells: Cell[]; testId?: string }) {
  return (
    <div className="flex gap-0.5" data-testid={testId}>
      {cells.map((c, i) => (
        <span key={i} role="img" title={c.text} data-state={c.state} className="cov-cell" />
      ))}
    </div>
  );
}

export function CoverageLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-slate-600">
      {LEGEND.map(([s, label]) => (
        <li key={s} className="flex items-center gap-1">
          <span className="cov-cell cov-legend" data-state={s} aria-hidden />
          {label}
        </li>
      ))}
    </ul>
  );
}
