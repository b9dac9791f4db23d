import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/controls/archive-button";
import { ControlForm } from "@/components/controls/control-form";
import { EvidenceLinks, MoreEvidence } from "@/components/evidence/evidence-links";
import { OverrideForm } from "@/components/status/override-form";
import { ControlTests } from "@/components/tests/control-tests";
import { ExpectedEvents } from "@/components/audit/expected-events";
import { listExpectedEvents } from "@/lib/collectors/audit/expected-events";
import { StatusPanel } from "@/components/status/status-panel";
import { ControlBacklog } from "@/components/backlog/control-backlog";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { getControl, listOwners } from "@/lib/controls/controls";
import { criterionOptions } from "@/lib/criteria/criterion-options";
import { workspaceStatus } from "@/lib/status/workspace-status";
import { isUuid } from "@/lib/validation/fields";
import { CoverageStrip } from "@/components/coverage/coverage-strip";
import { controlStrip } from "@/lib/coverage/strip";

export default async function ControlPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const canWrite = can(user, "controls.write");
  // All reads side by side; an unknown id finds no expected events and ends in notFound below.
  const [control, status, owners, criteria, expected] = await Promise.all([
    getControl(user, id),
    workspaceStatus(user),
    canWrite ? listOwners(user) : [],
    canWrite ? criterionOptions(user) : [],
    listExpectedEvents(user, id),
  ]);
  if (!control) notFound();
  const evaluation = status.controls.get(control.id);
  const coverage = status.coverage.get(control.id);
  const strip = coverage && status.coveragePeriod && controlStrip(coverage, status.coveragePeriod);
  return (
    <>
      <BackLink href="/controls">All controls</BackLink>
      <PageHeader
        title={`${control.ref} · ${control.title}`}
        description={
          control.archivedAt
            ? "Archived: this control no longer counts towards its criteria."
            : control.description || undefined
        }
        actions={
          canWrite ? (
            <ArchiveButton id={control.id} archived={control.archivedAt !== null} />
          ) : undefined
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="flex flex-col gap-6">
          {evaluation && <StatusPanel evaluation={evaluation} />}
          {strip ? (
            <CoverageStrip title="Coverage over the audit period" {...strip} />
          ) : (
            !control.archivedAt && (
              <p className="text-sm text-slate-600" data-testid="coverage-strip">
                Set the audit period in Settings to see coverage over it.
              </p>
            )
          )}
          {can(user, "status.override") && !control.archivedAt && (
            <OverrideForm
              targetType="control"
              targetId={control.id}
              active={evaluation?.overridden ?? false}
            />
          )}
          <section className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 className="mb-3 font-semibold">Backlog</h2>
            <ControlBacklog
              user={user}
              controlId={control.id}
              reasons={evaluation?.reasons ?? []}
              canWrite={can(user, "backlog.write") && !control.archivedAt}
            />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 className="mb-3 font-semibold">Tests</h2>
            <ControlTests user={user} controlId={control.id} />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 className="mb-3 font-semibold">Expected audit events</h2>
            <ExpectedEvents
              controlId={control.id}
              editable={can(user, "audit.expect") && !control.archivedAt}
              items={expected.map((e) => ({
                id: e.id,
                action: e.action,
                maxSilenceDays: e.maxSilenceDays,
              }))}
            />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-6 text-sm">
            <h2 className="mb-2 font-semibold">Criteria</h2>
            {control.criteria.length === 0 ? (
              <p className="text-slate-600">Not mapped to any criterion yet.</p>
            ) : (
              <ul className="flex flex-col gap-1" data-testid="control-criteria">
                {control.criteria.map((c) => (
                  <li key={c.criterionId}>
                    <Link
                      href={`/criteria/${c.criterionId}`}
                      className="font-semibold text-indigo-700 hover:underline"
                    >
                      {c.criterionId}
                    </Link>{" "}
                    {c.criterion.title}
                  </li>
                ))}
              </ul>
            )}
            <h2 className="mb-2 mt-4 font-semibold">Owner</h2>
            <p>{control.owner ? `${control.owner.name} (${control.owner.email})` : "No owner"}</p>
            <h2 className="mb-2 mt-4 font-semibold">Locations</h2>
            {control.locations.length ? (
              <ul className="list-disc pl-5 font-mono text-xs">
                {control.locations.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">None recorded.</p>
            )}
            <h2 className="mb-2 mt-4 font-semibold">Evidence</h2>
            {control.evidence.length ? (
              <>
                <EvidenceLinks items={control.evidence.map((x) => x.evidence)} />
                <MoreEvidence
                  shown={control.evidence.length}
                  total={control._count.evidence}
                  libraryHref={`/evidence?control=${encodeURIComponent(control.ref)}`}
                  testId="control-evidence-more"
                />
              </>
            ) : (
              <p className="text-slate-600">
                No evidence yet.{" "}
                {can(user, "evidence.write") && (
                  <Link
                    href={`/evidence/new?control=${control.id}`}
                    className="text-indigo-700 underline"
                  >
                    Add evidence
                  </Link>
                )}
              </p>
            )}
          </section>
        </div>
        {canWrite && !control.archivedAt && (
          <section className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 className="mb-4 font-semibold">Edit</h2>
            <ControlForm
              owners={owners}
              criteria={criteria}
              derivedFrequency={coverage?.derived ? coverage.frequency : undefined}
              initial={{
                id: control.id,
                title: control.title,
                description: control.description,
                ownerId: control.ownerId,
                implementation: control.implementation,
                naJustification: control.naJustification,
                frequency: control.frequency,
                locations: control.locations,
                criteria: control.criteria.map((c) => c.criterionId),
              }}
            />
          </section>
        )}
      </div>
    </>
  );
}
