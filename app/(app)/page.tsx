import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/catalog/labels";

export const metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const criteria = await listCriteria(user);
  const denied = (await searchParams).denied;
  return (
    <>
      <PageHeader title="Overview" description="Readiness per category appears here once controls and evidence are mapped to the criteria." />
      {denied && (
        <p data-testid="denied" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          That page is not available to your role.
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3 lg:grid-cols-5">
        {CATEGORIES.map((cat) => {
          const rows = criteria.filter((c) => c.category === cat);
          const inScope = rows.some((r) => r.inScope);
          return (
            <div key={cat} className={`rounded-xl border bg-white p-4 ${inScope ? "border-slate-200" : "border-dashed border-slate-300 opacity-70"}`} data-testid={`category-${cat}`}>
              <p className="text-sm font-semibold">{CATEGORY_LABELS[cat]}</p>
              <p className="mt-1 text-2xl font-semibold">{rows.length}</p>
              <p className="text-xs text-slate-600">criteria · {inScope ? "in scope" : "out of scope"}</p>
            </div>
          );
        })}
      </div>
      <p className="mt-6 text-sm text-slate-600">
        Next step: {user.role === "admin" ? <Link className="text-indigo-700 underline" href="/settings">choose the categories in scope</Link> : "ask the compliance officer to set the scope"}, then review the{" "}
        <Link className="text-indigo-700 underline" href="/criteria">criteria</Link>.
      </p>
    </>
  );
}
