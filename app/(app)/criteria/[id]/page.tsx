import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getCriterion } from "@/lib/criteria/list-criteria";
import { CATEGORY_LABELS } from "@/lib/catalog/labels";

export default async function CriterionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const criterion = await getCriterion(user, decodeURIComponent(id));
  if (!criterion) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/criteria" className="text-indigo-700 hover:underline">
          ← All criteria
        </Link>
      </p>
      <PageHeader title={`${criterion.id} · ${criterion.title}`} description={`${CATEGORY_LABELS[criterion.category]} — ${criterion.series}`} />
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Requirement</h2>
        {criterion.requirement ? (
          <blockquote data-testid="requirement" className="mt-2 border-l-4 border-indigo-200 pl-4 text-slate-800">
            {criterion.requirement}
          </blockquote>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            The full AICPA wording is not shipped with Trustboard (it is copyrighted); refer to the 2017 Trust Services Criteria (revised points of focus, 2022).
          </p>
        )}
      </section>
      <section className="mt-6 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        Computed status, mapped controls and evidence for this criterion arrive with controls and evidence.
      </section>
    </>
  );
}
