import type { Cell } from "@/lib/coverage/matrix";
import { CoverageCells, CoverageLegend } from "./coverage-cells";

/** A control's or criterion's coverage over the period, under its status: cells and the same as text. */
export function CoverageStrip({
  title,
  summary,
  cells,
  details,
}: {
  title: string;
  summary: string;
  cells: Cell[];
  /** Uncovered intervals and exceptions, one line each. */
  details: string[];
}) {
  return (
    <section
      id="coverage"
      className="rounded-xl border border-slate-200 bg-white p-6"
      data-testid="coverage-strip"
    >
      <h2 className="mb-1 font-semibold">{title}</h2>
      <p className="mb-3 text-sm text-slate-700" data-testid="coverage-summary">
        {summary}
      </p>
      <CoverageCells cells={cells} testId="coverage-cells" />
      <div className="mt-2">
        <CoverageLegend />
      </div>
      {details.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-slate-700" data-testid="coverage-details">
          {details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      <details className="mt-3 text-sm text-slate-600">
        <summary className="cursor-pointer">As text</summary>
        <ul className="mt-1 font-mono text-xs">
          {cells.map((c, i) => (
            <li key={i}>{c.text}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
