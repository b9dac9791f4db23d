import { CriteriaTable } from "@/components/criteria/criteria-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listCriteria } from "@/lib/criteria/list-criteria";

export const metadata = { title: "Criteria" };

export default async function CriteriaPage() {
  const user = await requireUser();
  const rows = await listCriteria(user);
  const inScope = rows.filter((r) => r.inScope).length;
  return (
    <>
      <PageHeader
        title="Trust Services Criteria"
        description={`All ${rows.length} SOC 2 criteria; ${inScope} are in this workspace's scope. Titles are short paraphrases; open a criterion for its requirement text where available.`}
      />
      <CriteriaTable rows={rows} />
    </>
  );
}
