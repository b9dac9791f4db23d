"use client";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const LEVEL: Record<string, number> = {
  not_applicable: 0,
  not_started: 1,
  gap: 2,
  at_risk: 3,
  met: 4,
};
const NAME = ["Not applicable", "Not started", "Gap", "At risk", "Met"];

export function StatusHistoryChart({ points }: { points: { day: string; status: string }[] }) {
  const data = points.map((p) => ({ day: p.day, level: LEVEL[p.status] }));
  return (
    <figure>
      <div className="h-48 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 24, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis
              domain={[0, 4]}
              ticks={[0, 1, 2, 3, 4]}
              tickFormatter={(v: number) => NAME[v]}
              width={90}
              fontSize={11}
            />
            <Tooltip formatter={(v) => NAME[Number(v)]} />
            <Line
              type="stepAfter"
              dataKey="level"
              stroke="#4f46e5"
              strokeWidth={2}
              dot={data.length < 40}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        Status by day: {points.map((p) => `${p.day} ${p.status.replace("_", " ")}`).join("; ")}
      </figcaption>
    </figure>
  );
}
