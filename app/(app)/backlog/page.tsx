import Link from "next/link";
import { BacklogFilters } from "@/components/backlog/backlog-filters";
import { backlogColumns } from "@/components/backlog/backlog-columns";
import { BacklogCharts } from "@/components/charts/backlog-charts";
import { ServerTable } from "@/components/data-table/server-table";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { backlogCharts, backlogPage } from "@/lib/backlog/backlog-queries";
import { backlogListSchema } from "@/lib/backlog/schemas";
import { listOwners } from "@/lib/controls/controls";
import { criterionOptions } from "@/lib/criteria/criterion-options";
import { DownloadButton } from "@/components/ui/download-button";

export const metadata = { title: "Backlog" };

export default async function BacklogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const filter = backlogListSchema.parse(await searchParams);
  const [{ rows, slice, sort }, charts, owners, criteria] = await Promise.all([
    backlogPage(user, filter),
    backlogCharts(user),
    listOwners(user),
    criterionOptions(user),
  ]);
  const canWrite = can(user, "backlog.write");
  // The filters (what the CSV export takes); sort and page only change what the table shows.
  const { sort: _sort, dir: _dir, page: _page, ...filters } = filter;
  const params = Object.fromEntries(
    Object.entries(filters).map(([k, v]) => [
      k,
      v === null || v === false ? null : v === true ? "1" : v,
    ]),
  );
  const query = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === null ? [] : [[k, v]])),
  ).toString();
  const filtered = query !== "";
  return (
    <>
      <PageHeader
        title="Remediation backlog"
        description="Work that holds controls back. Open P0 items make their controls a gap, open P1 items put them at risk, until a second person verifies the fix."
        actions={
          <div className="flex gap-2">
            <DownloadButton
              action={`/api/backlog/export${query ? `?${query}` : ""}`}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
              testId="export-backlog"
            >
              Export CSV
            </DownloadButton>
            {canWrite && (
              <Link
                href="/backlog/new"
                className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
                data-testid="new-backlog-item"
              >
                New item
              </Link>
            )}
          </div>
        }
      />
      <BacklogCharts data={charts} />
      <BacklogFilters filter={filter} owners={owners} criteria={criteria.map((c) => c.id)} />
      {slice.total === 0 ? (
        <EmptyState
          title={filtered ? "No items match these filters" : "The backlog is empty"}
          testId="backlog-empty"
        >
          {filtered ? (
            <Link href="/backlog" className="text-indigo-700 underline">
              Clear the filters
            </Link>
          ) : canWrite ? (
            "Add remediation work here, or turn a failed must-have of a phase into an item."
          ) : (
            "No remediation work has been recorded."
          )}
        </EmptyState>
      ) : (
        <ServerTable
          testId="backlog-table"
          path="/backlog"
          params={{ ...params, sort: filter.sort, dir: filter.dir }}
          rows={rows}
          rowKey={(r) => r.id}
          columns={backlogColumns}
          sort={sort}
          slice={slice}
        />
      )}
    </>
  );
}
