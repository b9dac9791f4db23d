import type { Cell } from "@/lib/coverage/matrix";
import type { OccurrenceState } from "@/lib/coverage/types";

export const STATE_CLASS: Record<OccurrenceState, string> = {
  covered: "bg-emerald-500",
  exception: "bg-amber-400",
  uncovered: "bg-red-600",
  before: "bg-slate-300",
  pending: "bg-sky-200",
  future: "bg-white border border-slate-200",
};

/** One row of coloured cells; each cell carries its text for hover, screen readers and tests. */
export function CoverageCells({ cells, testId }: { cells: Cell[]; testId?: string }) {
  return (
    <div className="flex gap-0.5" data-testid={testId}>
      {cells.map((c, i) => (
        <span
          key={i}
          role="img"
          aria-label={c.text}
          title={c.text}
          data-state={c.state}
          className={`inline-block h-4 w-3 shrink-0 rounded-sm ${STATE_CLASS[c.state]}`}
        />
      ))}
    </div>
  );
}

export function CoverageLegend() {
  const items: [OccurrenceState, string][] = [
    ["covered", "covered"],
    ["exception", "exception (failed run, open P0/P1)"],
    ["uncovered", "uncovered"],
    ["before", "before the control existed"],
    ["pending", "under way"],
    ["future", "not yet"],
  ];
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-slate-600">
      {items.map(([s, label]) => (
        <li key={s} className="flex items-center gap-1">
          <span className={`inline-block h-3 w-3 rounded-sm ${STATE_CLASS[s]}`} aria-hidden />
          {label}
        </li>
      ))}
    </ul>
  );
}
