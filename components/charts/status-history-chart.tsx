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
import { STATUS_LABEL } from "@/lib/status/labels";
import type { Status } from "@/lib/status/types";

/** Bottom to top: the chart's levels. */
const LEVELS: Status[] = ["not_applicable", "not_started", "gap", "at_risk", "met"];
const NAME = LEVELS.map((s) => STATUS_LABEL[s]);

export function StatusHistoryChart({ points }: { points: { day: string; status: Status }[] }) {
  const data = points.map((p) => ({ day: p.day, level: LEVELS.indexOf(p.status) }));
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
              tickFormatter={(v: number) => NAME[v] ?? ""}
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
