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

export function PassRateChart({
  points,
}: {
  points: { label: string; rate: number; passed: number; total: number }[];
}) {
  return (
    <figure>
      <div className="h-44 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ left: 0, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={11} />
            <YAxis domain={[0, 100]} unit="%" fontSize={11} width={44} />
            <Tooltip formatter={(v) => `${v}%`} />
            <Line
              type="monotone"
              dataKey="rate"
              stroke="#059669"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only" data-testid="pass-rate-values">
        Pass rate by run:{" "}
        {points.map((p) => `${p.label} ${p.rate}% (${p.passed}/${p.total})`).join("; ")}
      </figcaption>
    </figure>
  );
}
