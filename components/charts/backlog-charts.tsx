"use client";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BacklogCharts as Data } from "@/lib/backlog/backlog-queries";

export function BacklogCharts({ data }: { data: Data }) {
  return (
    <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-[1fr_2fr]">
      <figure
        className="rounded-xl border border-slate-200 bg-white p-4"
        data-testid="chart-open-by-priority"
      >
        <figcaption className="mb-2 text-sm font-semibold">Open items by priority</figcaption>
        <div className="h-48" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data.openByPriority}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="priority" fontSize={11} />
              <YAxis allowDecimals={false} fontSize={11} width={30} />
              <Tooltip />
              <Bar dataKey="open" name="Open" fill="#dc2626" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <p className="sr-only">
          {data.openByPriority.map((p) => `${p.priority}: ${p.open} open`).join("; ")}
        </p>
      </figure>
      <figure
        className="rounded-xl border border-slate-200 bg-white p-4"
        data-testid="chart-burndown"
      >
        <figcaption className="mb-2 text-sm font-semibold">
          Open vs closed, last {data.burndown.length} days (from recorded status changes)
        </figcaption>
        <div className="h-48" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data.burndown}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" fontSize={11} minTickGap={24} />
              <YAxis allowDecimals={false} fontSize={11} width={30} />
              <Tooltip />
              <Legend />
              <Line
                type="stepAfter"
                dataKey="open"
                name="Open"
                stroke="#dc2626"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                type="stepAfter"
                dataKey="closed"
                name="Closed"
                stroke="#059669"
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <p className="sr-only">
          Today: {data.burndown.at(-1)?.open ?? 0} open, {data.burndown.at(-1)?.closed ?? 0} closed.
        </p>
      </figure>
    </div>
  );
}
