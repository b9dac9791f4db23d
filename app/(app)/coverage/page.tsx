import Link from "next/link";
import { CoverageCells, CoverageLegend } from "@/components/coverage/coverage-cells";
import { CoverageFilters } from "@/components/coverage/coverage-filters";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { formatInterval } from "@/lib/coverage/coverage";
import { coverageMatrix } from "@/lib/coverage/coverage-view";
import { FREQUENCY_LABEL } from "@/lib/coverage/frequency";
import { coverageFilterSchema } from "@/lib/coverage/schemas";
import { criterionOptions } from "@/lib/criteria/criterion-options";
import { DownloadButton } from "@/components/ui/download-button";

export const metadata = { title: "Coverage" };

export default async function CoveragePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = coverageFilterSchema.parse(params);
  const [matrix, criteria] = await Promise.all([
    coverageMatrix(user, filter),
    criterionOptions(user),
  ]);
  const query = new URLSearchParams(
    Object.entries(filter).flatMap(([k, v]) => (v ? [[k, v]] : [])),
  ).toString();
  const { period, columns, rows } = matrix;
  return (
    <>
      <PageHeader
        title="Coverage"
        description={
          period
            ? `Did each control operate throughout the audit period ${formatInterval(period)}? One cell per ${columns.length > 27 ? "month" : "week"}, from dated records only.`
            : "Set the audit period under Settings to see coverage over it."
        }
        actions={
          can(user, "data.export") && period ? (
            <DownloadButton
              action={`/api/coverage/exceptions${query ? `?${query}` : ""}`}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
              testId="export-coverage"
            >
              Export exceptions (CSV)
            </DownloadButton>
          ) : undefined
        }
      />
      <CoverageFilters
        filter={filter}
        owners={matrix.owners}
        criteria={criteria.map((c) => c.id)}
        frequencies={matrix.frequencies}
      />
      {period && (
        <div className="mb-3">
          <CoverageLegend />
        </div>
      )}
      {period && rows.length === 0 && (
        <p className="text-sm text-slate-600" data-testid="coverage-empty">
          No control matches these filters.
        </p>
      )}
      {period && rows.length > 0 && (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white p-4">
          <table className="text-sm" data-testid="coverage-table">
            <caption className="sr-only">
              Controls by {columns.length > 27 ? "month" : "week"} of the audit period; each cell
              names its state.
            </caption>
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th className="pr-3 font-medium">Control</th>
                <th className="pr-3 font-medium">Frequency</th>
                <th className="pr-3 text-right font-medium">Coverage</th>
                <th className="font-medium">
                  {columns[0]?.label} → {columns[columns.length - 1]?.label}
                </th>
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
                    {r.coverage.uncovered.length > 0 && (
                      <ul className="text-xs text-red-800" data-testid="coverage-gaps">
                        {r.coverage.uncovered.slice(0, 3).map((u, i) => (
                          <li key={i}>{u.text}</li>
                        ))}
                        {r.coverage.uncovered.length > 3 && (
                          <li>and {r.coverage.uncovered.length - 3} more</li>
                        )}
                      </ul>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-xs text-slate-600">
                    {FREQUENCY_LABEL[r.coverage.frequency]}
                    {r.coverage.derived ? " (derived)" : ""}
                  </td>
                  <td
                    className="py-1.5 pr-3 text-right tabular-nums"
                    data-testid="coverage-percent"
                  >
                    {r.coverage.percent === null ? "—" : `${r.coverage.percent}%`}
                  </td>
                  <td className="py-1.5">
                    <CoverageCells cells={r.cells} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details className="mt-4 text-sm text-slate-600">
            <summary className="cursor-pointer">The heat map as text</summary>
            <ul className="mt-2 flex flex-col gap-2" data-testid="coverage-text">
              {rows.map((r) => (
                <li key={r.id}>
                  <p className="font-medium text-slate-800">
                    {r.ref} {r.title}:{" "}
                    {r.coverage.percent === null
                      ? "nothing to judge yet"
                      : `${r.coverage.percent}% coverage`}
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
          </details>
        </div>
      )}
    </>
  );
}
