"use client";
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = [
  "#4f46e5",
  "#059669",
  "#d97706",
  "#dc2626",
  "#0891b2",
  "#7c3aed",
  "#65a30d",
  "#db2777",
];

export function EventVolumeChart({
  days,
  actions,
}: {
  days: Record<string, number | string>[];
  actions: string[];
}) {
  return (
    <figure>
      <div className="h-56 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={days} margin={{ left: 0, right: 8, top: 8, bottom: 8 }}>
            <XAxis dataKey="day" fontSize={10} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {actions.map((a, i) => (
              <Bar
                key={a}
                dataKey={a}
                stackId="events"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-1 text-xs text-slate-600" data-testid="volume-totals">
        Totals:{" "}
        {actions.map((a) => `${a} ${days.reduce((n, d) => n + Number(d[a] ?? 0), 0)}`).join(" · ")}
      </figcaption>
    </figure>
  );
}
