import { CriteriaTable } from "@/components/criteria/criteria-table";
import { ExportButton } from "@/components/ui/export-button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { workspaceStatus } from "@/lib/status/workspace-status";

export const metadata = { title: "Criteria" };

export default async function CriteriaPage() {
  const user = await requireUser();
  const [criteria, status] = await Promise.all([listCriteria(user), workspaceStatus(user)]);
  const rows = criteria.map((c) => ({
    ...c,
    status: status.criteria.get(c.id)!.status,
    overridden: status.criteria.get(c.id)!.overridden,
  }));
  const inScope = rows.filter((r) => r.inScope).length;
  return (
    <>
      <PageHeader
        title="Trust Services Criteria"
        description={`All ${rows.length} SOC 2 criteria; ${inScope} are in this workspace's scope. Titles are short paraphrases; open a criterion for its requirement text where available.`}
      />
      <div className="mb-3 flex justify-end">
        <ExportButton table="criteria" />
      </div>
      <CriteriaTable rows={rows} />
    </>
  );
}
