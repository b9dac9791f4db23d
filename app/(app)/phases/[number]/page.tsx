import Link from "next/link";
import { notFound } from "next/navigation";
import { parseIntParam } from "@/lib/validation/params";
import { AddItemForm, AddMustHaveForm } from "@/components/phases/add-item-form";
import { MustHaveList } from "@/components/phases/must-have-list";
import { PhaseChecklists } from "@/components/phases/phase-checklists";
import { PhaseStatusBadge } from "@/components/phases/phase-status-badge";
import { RequirementsTable } from "@/components/phases/requirements-table";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { getPhase } from "@/lib/phases/phase-queries";
import { evidenceOptions } from "@/lib/evidence/list-evidence";
import { PHASE_STATUS_LABEL, checklistScore, isGap } from "@/lib/phases/phase-status";

export default async function PhasePage({ params }: { params: Promise<{ number: string }> }) {
  const user = await requireUser();
  const { number } = await params;
  const phaseNumber = parseIntParam(number, 0, 9999);
  if (phaseNumber === null) notFound();
  const phase = await getPhase(user, phaseNumber);
  if (!phase) notFound();
  const canWrite = can(user, "phases.write");
  const evidence = canWrite ? await evidenceOptions(user) : [];
  const isOwner = phase.ownerId === user.id;
  const deliverables = checklistScore(
    phase.items.filter((i) => i.kind === "deliverable").map((i) => ({ done: i.doneAt !== null })),
  );
  const gaps = phase.mustHaves.filter((m) => isGap(m.verdict));
  return (
    <>
      <BackLink href="/phases">All phases</BackLink>
      <PageHeader
        title={`Phase ${phase.number}: ${phase.title}`}
        description={phase.goal || undefined}
        actions={
          <div className="flex items-center gap-3">
            <PhaseStatusBadge status={phase.status} testId="phase-status" />
            {canWrite && (
              <Link
                href={`/phases/${phase.number}/edit`}
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
                data-testid="edit-phase"
              >
                Edit
              </Link>
            )}
          </div>
        }
      />
      <div className="mb-6 grid grid-cols-1 gap-4 rounded-xl border border-slate-200 bg-white p-6 md:grid-cols-3">
        <ProgressBar
          label="Deliverables done"
          done={deliverables.done}
          total={deliverables.total}
          testId="deliverables-progress"
        />
        <ProgressBar
          label="Must-haves verified (score)"
          done={phase.score.done}
          total={phase.score.total}
          testId="phase-score"
        />
        <p className="text-sm text-slate-600">
          Owner: <span className="font-medium text-slate-900">{phase.owner?.name ?? "nobody"}</span>
          <br />
          Declared progress: {PHASE_STATUS_LABEL[phase.progress].toLowerCase()}
        </p>
      </div>
      {gaps.length > 0 && (
        <section
          className="mb-6 rounded-xl border border-red-200 bg-red-50 p-6 text-sm text-red-900"
          data-testid="phase-gaps"
        >
          <h2 className="mb-2 font-semibold">
            Gaps found: {phase.score.done}/{phase.score.total} must-haves verified
          </h2>
          <ul className="list-disc pl-5">
            {gaps.map((g) => (
              <li key={g.id}>
                <span className="font-medium">{g.truth}</span> — {g.verdict.toUpperCase()}:{" "}
                {g.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="flex flex-col gap-6">
          <PhaseChecklists items={phase.items} editable={canWrite} evidence={evidence} />
          {canWrite && (
            <section className="rounded-xl border border-slate-200 bg-white px-6 pb-4">
              <AddItemForm phaseId={phase.id} evidence={evidence} />
            </section>
          )}
          {phase.notes && (
            <section className="rounded-xl border border-slate-200 bg-white p-6 text-sm">
              <h2 className="mb-2 font-semibold">Notes</h2>
              <p className="whitespace-pre-line text-slate-700">{phase.notes}</p>
            </section>
          )}
          {phase.nextSteps.length > 0 && (
            <section className="rounded-xl border border-slate-200 bg-white p-6 text-sm">
              <h2 className="mb-2 font-semibold">Next steps</h2>
              <ul className="list-disc pl-5">
                {phase.nextSteps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
        <div className="flex flex-col gap-6">
          <section
            className="rounded-xl border border-slate-200 bg-white p-6"
            data-testid="must-haves"
          >
            <h2 className="mb-3 font-semibold">Must-haves (observable truths)</h2>
            <MustHaveList
              mustHaves={phase.mustHaves}
              canWrite={canWrite}
              canTrack={can(user, "backlog.write")}
              canVerify={canWrite && !isOwner}
              ownerNote={
                canWrite && isOwner
                  ? "You own this phase, so someone else must verify its must-haves."
                  : null
              }
              evidence={evidence}
            />
            {canWrite && <AddMustHaveForm phaseId={phase.id} />}
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 className="mb-3 font-semibold">Requirements delivered</h2>
            <RequirementsTable requirements={phase.requirements} mustHaves={phase.mustHaves} />
          </section>
        </div>
      </div>
    </>
  );
}
