import Link from "next/link";
import { ServerTable } from "@/components/data-table/server-table";
import { evidenceColumns } from "@/components/evidence/evidence-columns";
import { EvidenceFilters } from "@/components/evidence/evidence-filters";
import { ExportButton } from "@/components/ui/export-button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { evidencePage } from "@/lib/evidence/evidence-page";
import { evidenceListSchema } from "@/lib/evidence/schemas";

export const metadata = { title: "Evidence" };

export default async function EvidencePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("evidence.read");
  const query = evidenceListSchema.parse(await searchParams);
  const list = await evidencePage(user, query);
  const canWrite = can(user, "evidence.write");
  // The URL the table's sort and page links build on: the filters, page left out.
  const { page: _page, ...rest } = query;
  const params = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v ?? null]));
  const filtered = ["q", "kind", "state", "control", "criterion", "expiry"].some(
    (k) => params[k] !== null,
  );
  return (
    <>
      <PageHeader
        title="Evidence library"
        description="Files, links and notes that prove controls operate. Evidence counts towards status once accepted, while current and inside the audit period."
        actions={
          <div className="flex gap-2">
            <ExportButton table="evidence" />
            {canWrite && (
              <Link
                href="/evidence/new"
                className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
                data-testid="new-evidence"
              >
                Add evidence
              </Link>
            )}
          </div>
        }
      />
      {list.libraryEmpty ? (
        <EmptyState title="No evidence yet" testId="evidence-empty">
          {canWrite
            ? "Add evidence and link it to the controls it proves."
            : "Nothing has been collected yet."}
        </EmptyState>
      ) : (
        <ServerTable
          testId="evidence-table"
          path="/evidence"
          params={params}
          rows={list.rows}
          rowKey={(r) => r.id}
          columns={evidenceColumns}
          sort={list.sort}
          slice={list.slice}
          toolbar={
            <EvidenceFilters query={query} controls={list.controls} criteria={list.criteria} />
          }
          emptyMessage={
            <span data-testid="evidence-none-match">
              No evidence matches {filtered ? "these filters" : "this page"}.{" "}
              <Link href="/evidence" className="text-indigo-700 underline">
                Clear the filters
              </Link>
            </span>
          }
        />
      )}
    </>
  );
}
