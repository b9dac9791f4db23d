import Link from "next/link";
import { ControlsTable } from "@/components/controls/controls-table";
import { ExportButton } from "@/components/ui/export-button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { listControls } from "@/lib/controls/controls";
import { workspaceStatus } from "@/lib/status/workspace-status";

export const metadata = { title: "Controls" };

export default async function ControlsPage() {
  const user = await requireUser();
  const [controls, status] = await Promise.all([listControls(user), workspaceStatus(user)]);
  const canWrite = can(user, "controls.write");
  const rows = controls.map((c) => {
    const s = status.controls.get(c.id);
    return {
      id: c.id,
      ref: c.ref,
      title: c.title,
      status: s?.status ?? "not_started",
      overridden: s?.overridden ?? false,
      implementation: c.implementation,
      owner: c.ownerName ?? "—",
      criteria: c.criteria.join(", "),
      evidenceCount: c.evidenceCount,
    };
  });
  const actions = (
    <div className="flex gap-2">
      <ExportButton table="controls" />
      {canWrite && (
        <Link
          href="/controls/new"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
          data-testid="new-control"
        >
          New control
        </Link>
      )}
    </div>
  );
  return (
    <>
      <PageHeader
        title="Controls"
        description="Your organisation's own controls, mapped to the criteria they satisfy. Status is computed from implementation and evidence."
        actions={actions}
      />
      {rows.length === 0 ? (
        <EmptyState title="No controls yet" testId="controls-empty">
          {canWrite
            ? "Create your first control and map it to the criteria it satisfies."
            : "The compliance team has not recorded any controls yet."}
        </EmptyState>
      ) : (
        <ControlsTable
          rows={rows}
          owners={[...new Set(rows.map((r) => r.owner))].sort()}
          criteria={[...new Set(controls.flatMap((c) => c.criteria))].sort()}
        />
      )}
    </>
  );
}
