"use client";

import Link from "next/link";
import { useState } from "react";
import type { Cell } from "@/lib/coverage/matrix";
import { CoverageCells } from "./coverage-cells";

export interface HeatmapRow {
  id: string;
  ref: string;
  title: string;
  /** "Weekly (derived)" */
  frequency: string;
  percent: number | null;
  /** The first uncovered intervals, and how many more there are. */
  gaps: string[];
  moreGaps: number;
  cells: Cell[];
}

/**
 * The controls × columns heat map, and the same as text. A client component so that the cells'
 * texts travel once, as props, instead of once more as rendered elements in the page's payload;
 * the text version is drawn when opened (a year of 120 controls is 1,500 lines).
 */
export function CoverageHeatmap({
  rows,
  unit,
  range,
}: {
  rows: HeatmapRow[];
  unit: "week" | "month";
  /** "2025-12 → 2026-11" */
  range: string;
}) {
  const [asText, setAsText] = useState(false);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-4">
      <table className="text-sm" data-testid="coverage-table">
        <caption className="sr-only">
          Controls by {unit} of the audit period; each cell names its state.
        </caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="pr-3 font-medium">Control</th>
            <th className="pr-3 font-medium">Frequency</th>
            <th className="pr-3 text-right font-medium">Coverage</th>
            <th className="font-medium">{range}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              className="border-t border-slate-100 align-top"
              data-testid="coverage-row"
              data-ref={r.ref}
            >
              <td className="py-1.5 pr-3">
                <Link
                  href={`/controls/${r.id}#coverage`}
                  className="text-indigo-700 hover:underline"
                >
                  {r.ref} {r.title}
                </Link>
                {r.gaps.length > 0 && (
                  <ul className="text-xs text-red-800" data-testid="coverage-gaps">
                    {r.gaps.map((g, i) => (
                      <li key={i}>{g}</li>
                    ))}
                    {r.moreGaps > 0 && <li>and {r.moreGaps} more</li>}
                  </ul>
                )}
              </td>
              <td className="py-1.5 pr-3 text-xs text-slate-600">{r.frequency}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums" data-testid="coverage-percent">
                {r.percent === null ? "—" : `${r.percent}%`}
              </td>
              <td className="py-1.5">
                <CoverageCells cells={r.cells} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details
        className="mt-4 text-sm text-slate-600"
        onToggle={(e) => setAsText(e.currentTarget.open)}
      >
        <summary className="cursor-pointer">The heat map as text</summary>
        {asText && (
          <ul className="mt-2 flex flex-col gap-2" data-testid="coverage-text">
            {rows.map((r) => (
              <li key={r.id}>
                <p className="font-medium text-slate-800">
                  {r.ref} {r.title}:{" "}
                  {r.percent === null ? "nothing to judge yet" : `${r.percent}% coverage`}
                </p>
                <ul className="font-mono text-xs">
                  {r.cells
                    .filter((c) => c.state !== "future")
                    .map((c, i) => (
                      <li key={i}>{c.text}</li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
