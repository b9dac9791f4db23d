import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusHistoryChart } from "@/components/charts/status-history-chart";
import { CriterionMappingForm } from "@/components/controls/criterion-mapping-form";
import { EvidenceLinks, MoreEvidence } from "@/components/evidence/evidence-links";
import { OverrideForm } from "@/components/status/override-form";
import { StatusBadge } from "@/components/status/status-badge";
import { StatusPanel } from "@/components/status/status-panel";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { CATEGORY_LABELS } from "@/lib/catalog/labels";
import { listControlOptions } from "@/lib/controls/controls";
import { controlChoice } from "@/lib/controls/labels";
import { getCriterionDetail } from "@/lib/criteria/criterion-detail";
import { CRITERION_ID } from "@/lib/validation/fields";
import { workspaceStatus } from "@/lib/status/workspace-status";
import { EventVolumeChart } from "@/components/charts/event-volume-chart";
import { actionsForCriterion } from "@/lib/collectors/audit/population";
import { eventVolume } from "@/lib/collectors/audit/volume";
import { CoverageStrip } from "@/components/coverage/coverage-strip";
import { criterionStrip } from "@/lib/coverage/strip";

const card = "rounded-xl border border-slate-200 bg-white p-6";

export default async function CriterionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!CRITERION_ID.test(id)) notFound();
  const [detail, status] = await Promise.all([getCriterionDetail(user, id), workspaceStatus(user)]);
  if (!detail) notFound();
  const { criterion, controls, evidence, evidenceCount, history } = detail;
  const canWrite = can(user, "controls.write");
  // Independent reads run side by side; only the volume needs the mapped actions first.
  const [allControls, { mappedActions, volume }] = await Promise.all([
    canWrite ? listControlOptions(user) : [],
    actionsForCriterion(user, criterion.id).then(async (actions) => ({
      mappedActions: actions,
      volume: actions.length
        ? await eventVolume(user, { actions })
        : { actions: [] as string[], days: [] },
    })),
  ]);
  const evaluation = status.criteria.get(criterion.id)!;
  const applicableCoverage = controls.flatMap((c) => {
    const cov = status.coverage.get(c.id);
    return cov && status.controls.get(c.id)?.status !== "not_applicable" ? [cov] : [];
  });
  const strip =
    status.coveragePeriod && applicableCoverage.length
      ? criterionStrip(applicableCoverage, status.coveragePeriod)
      : null;
  return (
    <>
      <BackLink href="/criteria">All criteria</BackLink>
      <PageHeader
        title={`${criterion.id} · ${criterion.title}`}
        description={`${CATEGORY_LABELS[criterion.category]} — ${criterion.series}`}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="flex flex-col gap-6">
          <section className={card}>
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">
              Requirement
            </h2>
            {criterion.requirement ? (
              <blockquote
                data-testid="requirement"
                className="mt-2 border-l-4 border-indigo-200 pl-4 text-slate-800"
              >
                {criterion.requirement}
              </blockquote>
            ) : (
              <p className="mt-2 text-sm text-slate-600">
                The AICPA wording is not shipped with Trustboard (it is copyrighted); see the 2017
                Trust Services Criteria, points of focus revised 2022.
              </p>
            )}
          </section>
          <StatusPanel evaluation={evaluation} />
          {strip && <CoverageStrip title="Coverage over the audit period" {...strip} />}
          {can(user, "status.override") && (
            <OverrideForm
              targetType="criterion"
              targetId={criterion.id}
              active={evaluation.overridden}
            />
          )}
          <section className={card}>
            <h2 className="mb-3 font-semibold">Status over time</h2>
            {history.length > 1 ? (
              <StatusHistoryChart points={history} />
            ) : (
              <p className="text-sm text-slate-600">
                History builds up day by day from today (
                {history[0]?.status.replace("_", " ") ?? "no snapshot yet"}).
              </p>
            )}
          </section>
        </div>
        <div className="flex flex-col gap-6">
          <section className={card}>
            <h2 className="mb-3 font-semibold">Mapped controls</h2>
            {controls.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="no-controls">
                No controls are mapped yet.{" "}
                {canWrite && (
                  <Link
                    href={`/controls/new?criterion=${criterion.id}`}
                    className="text-indigo-700 underline"
                  >
                    Create a control for {criterion.id}
                  </Link>
                )}
              </p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm" data-testid="mapped-controls">
                {controls.map((c) => {
                  const s = status.controls.get(c.id);
                  return (
                    <li key={c.id} className="flex items-center gap-2">
                      {s && <StatusBadge status={s.status} overridden={s.overridden} />}
                      <Link href={`/controls/${c.id}`} className="text-indigo-700 hover:underline">
                        {c.ref} {c.title}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
            {canWrite && (
              <details className="mt-4">
                <summary className="cursor-pointer text-sm font-medium">Change mapping</summary>
                <div className="mt-2">
                  <CriterionMappingForm
                    criterionId={criterion.id}
                    controls={allControls.map(controlChoice)}
                    mapped={controls.map((c) => c.id)}
                  />
                </div>
              </details>
            )}
          </section>
          <section className={card}>
            <h2 className="mb-1 font-semibold">Audit events</h2>
            <p className="mb-3 text-xs text-slate-600">
              {mappedActions.length
                ? `Event types evidencing ${criterion.id}: ${mappedActions.join(", ")}.`
                : `No event type is mapped to ${criterion.id}.`}
            </p>
            {volume.days.length ? (
              <EventVolumeChart days={volume.days} actions={volume.actions} />
            ) : (
              <p className="text-sm text-slate-600">No such events in the last 90 days.</p>
            )}
          </section>
          <section className={card}>
            <h2 className="mb-3 font-semibold">Evidence</h2>
            {evidence.length === 0 ? (
              <p className="text-sm text-slate-600">
                No evidence is linked to the mapped controls.
              </p>
            ) : (
              <>
                <EvidenceLinks items={evidence} testId="criterion-evidence" />
                <MoreEvidence
                  shown={evidence.length}
                  total={evidenceCount}
                  libraryHref={`/evidence?criterion=${encodeURIComponent(criterion.id)}`}
                  testId="criterion-evidence-more"
                />
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
