import Link from "next/link";
import { EvidenceTable } from "@/components/evidence/evidence-table";
import { ExportButton } from "@/components/ui/export-button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { listEvidence } from "@/lib/evidence/list-evidence";

export const metadata = { title: "Evidence" };

export default async function EvidencePage() {
  const user = await requireUser("evidence.read");
  const rows = await listEvidence(user);
  const canWrite = can(user, "evidence.write");
  const split = (s: string) => s.split(", ").filter(Boolean);
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
      {rows.length === 0 ? (
        <EmptyState title="No evidence yet" testId="evidence-empty">
          {canWrite
            ? "Add evidence and link it to the controls it proves."
            : "Nothing has been collected yet."}
        </EmptyState>
      ) : (
        <EvidenceTable
          rows={rows}
          controls={[...new Set(rows.flatMap((r) => split(r.controls)))].sort()}
          criteria={[...new Set(rows.flatMap((r) => split(r.criteria)))].sort()}
        />
      )}
    </>
  );
}
