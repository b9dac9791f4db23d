import { CoverageLegend } from "@/components/coverage/coverage-cells";
import { CoverageHeatmap } from "@/components/coverage/coverage-heatmap";
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
  const unit = columns[0]?.unit ?? "week";
  return (
    <>
      <PageHeader
        title="Coverage"
        description={
          period
            ? `Did each control operate throughout the audit period ${formatInterval(period)}? One cell per ${unit}, from dated records only.`
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
        <CoverageHeatmap
          unit={unit}
          range={`${columns[0]?.label} → ${columns[columns.length - 1]?.label}`}
          rows={rows.map((r) => ({
            id: r.id,
            ref: r.ref,
            title: r.title,
            frequency: `${FREQUENCY_LABEL[r.coverage.frequency]}${r.coverage.derived ? " (derived)" : ""}`,
            percent: r.coverage.percent,
            gaps: r.coverage.uncovered.slice(0, 3).map((u) => u.text),
            moreGaps: Math.max(0, r.coverage.uncovered.length - 3),
            cells: r.cells,
          }))}
        />
      )}
    </>
  );
}
