"use client";
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS: Record<string, string> = {
  met: "#059669",
  at_risk: "#d97706",
  gap: "#dc2626",
  not_started: "#64748b",
  not_applicable: "#cbd5e1",
};

export function StatusDistributionChart({
  counts,
}: {
  counts: { status: string; label: string; count: number }[];
}) {
  return (
    <figure>
      <div className="h-56 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={counts} margin={{ left: 0, right: 8, top: 8, bottom: 8 }}>
            <XAxis dataKey="label" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Bar dataKey="count" isAnimationActive={false}>
              {counts.map((c) => (
                <Cell key={c.status} fill={COLORS[c.status]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul
          className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700"
          data-testid="status-counts"
        >
          {counts.map((c) => (
            <li key={c.status} data-status={c.status}>
              {c.label}: <span className="font-semibold">{c.count}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
