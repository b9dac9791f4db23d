import { isoMinute } from "@/lib/dates";
import { PassRateChart } from "@/components/charts/pass-rate-chart";
import type { SessionUser } from "@/lib/auth/types";
import { controlTestHistory } from "@/lib/collectors/test-results/queries";

export async function ControlTests({ user, controlId }: { user: SessionUser; controlId: string }) {
  const { points, latest, failing } = await controlTestHistory(user, controlId);
  if (!latest)
    return (
      <p className="text-sm text-slate-600" data-testid="no-tests">
        No test results map to this control yet.
      </p>
    );
  const rate = (p: { passed: number; total: number }) =>
    p.total ? Math.round((p.passed / p.total) * 100) : 0;
  return (
    <div className="flex flex-col gap-4 text-sm" data-testid="control-tests">
      <p>
        Latest run {isoMinute(latest.startedAt)}:{" "}
        <span className="font-semibold" data-testid="latest-pass-rate">
          {rate(latest)}% passing
        </span>{" "}
        ({latest.passed} of {latest.total} mapped tests)
      </p>
      {points.length > 1 && (
        <PassRateChart
          points={points.map((p) => ({
            label: p.startedAt.toISOString().slice(5, 16).replace("T", " "),
            rate: rate(p),
            passed: p.passed,
            total: p.total,
          }))}
        />
      )}
      {failing.length > 0 && (
        <div>
          <h3 className="font-medium text-red-800">Failing in the latest run</h3>
          <ul className="mt-1 flex flex-col gap-1" data-testid="failing-tests">
            {failing.map((f) => (
              <li key={`${f.suite}|${f.name}`}>
                <span className="font-medium">{f.name}</span>{" "}
                <span className="text-slate-500">({f.status})</span>
                {f.message && (
                  <pre className="mt-1 max-h-24 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                    {f.message}
                  </pre>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details>
        <summary className="cursor-pointer font-medium">Run history ({points.length})</summary>
        <ul className="mt-1 flex flex-col gap-0.5 text-xs">
          {[...points].reverse().map((p) => (
            <li key={p.runId}>
              {isoMinute(p.startedAt)} — {p.passed}/{p.total} passing
              {p.commit ? ` @ ${p.commit.slice(0, 12)}` : ""}
              {p.source ? ` (${p.source})` : ""}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
