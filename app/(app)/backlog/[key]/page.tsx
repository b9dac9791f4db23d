import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeSegment } from "@/lib/validation/params";
import { AddCheckForm } from "@/components/backlog/add-check-form";
import { PriorityBadge } from "@/components/backlog/priority-badge";
import { RiskTable } from "@/components/backlog/risk-table";
import { TransitionForm } from "@/components/backlog/transition-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { ToggleForm } from "@/components/ui/toggle-form";
import { removeBacklogCheckAction, setBacklogCheckAction } from "@/lib/actions/backlog-actions";
import { RemoveButton } from "@/components/ui/remove-button";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { getBacklogItem } from "@/lib/backlog/backlog-queries";
import { isItemKey } from "@/lib/backlog/schemas";
import { ORIGIN_LABEL, STATUS_LABEL, allowedTransitions } from "@/lib/backlog/workflow";
import { isoDay, isoMinute } from "@/lib/dates";

const day = (d: Date | null) => (d ? isoDay(d) : "—");

export default async function BacklogItemPage({ params }: { params: Promise<{ key: string }> }) {
  const user = await requireUser();
  const { key } = await params;
  const itemKey = decodeSegment(key);
  if (itemKey === null || !isItemKey(itemKey)) notFound();
  const item = await getBacklogItem(user, itemKey);
  if (!item) notFound();
  const canWrite = can(user, "backlog.write");
  const card = "rounded-xl border border-slate-200 bg-white p-6 text-sm";
  return (
    <>
      <BackLink href="/backlog">Backlog</BackLink>
      <PageHeader
        title={`${item.key} · ${item.title}`}
        actions={
          <div className="flex items-center gap-3">
            <PriorityBadge priority={item.priority} />
            <span
              className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold"
              data-testid="backlog-status"
              data-status={item.status}
            >
              {STATUS_LABEL[item.status]}
            </span>
            {item.overdue && (
              <span
                className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-800"
                data-testid="overdue"
              >
                Overdue since {day(item.dueDate)}
              </span>
            )}
            {canWrite && (
              <Link
                href={`/backlog/${item.key}/edit`}
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
                data-testid="edit-backlog-item"
              >
                Edit
              </Link>
            )}
          </div>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="flex flex-col gap-6">
          <section className={card}>
            <dl className="grid grid-cols-[10rem_1fr] gap-y-1">
              <dt className="text-slate-500">Owner</dt>
              <dd>{item.owner?.name ?? "nobody"}</dd>
              <dt className="text-slate-500">Due</dt>
              <dd>{day(item.dueDate)}</dd>
              <dt className="text-slate-500">Origin</dt>
              <dd>
                {ORIGIN_LABEL[item.origin]}
                {item.originNote && ` — ${item.originNote}`}
                {item.mustHave && (
                  <>
                    {": "}
                    <Link
                      href={`/phases/${item.mustHave.phase.number}`}
                      className="text-indigo-700 underline"
                      data-testid="origin-phase"
                    >
                      Phase {item.mustHave.phase.number}
                    </Link>{" "}
                    “{item.mustHave.truth}” ({item.mustHave.verdict.toUpperCase()})
                  </>
                )}
              </dd>
              <dt className="text-slate-500">Resolved</dt>
              <dd>
                {item.resolvedAt
                  ? `${day(item.resolvedAt)} by ${item.resolvedBy?.name ?? "—"}`
                  : "—"}
              </dd>
              <dt className="text-slate-500">Verified</dt>
              <dd>
                {item.verifiedAt
                  ? `${day(item.verifiedAt)} by ${item.verifiedBy?.name ?? "—"}`
                  : "—"}
              </dd>
              {item.justification && (
                <>
                  <dt className="text-slate-500">Justification</dt>
                  <dd>{item.justification}</dd>
                </>
              )}
              {item.peakPriority !== item.priority && (
                <>
                  <dt className="text-slate-500">Highest priority</dt>
                  <dd data-testid="peak-priority">
                    {item.peakPriority}
                    {(item.peakPriority === "P0" || item.peakPriority === "P1") &&
                      " — closing it as risk accepted or false positive still needs a second administrator"}
                  </dd>
                </>
              )}
              {item.closureProposal && (
                <>
                  <dt className="text-slate-500">Closure raised</dt>
                  <dd data-testid="closure-proposal">
                    {STATUS_LABEL[item.closureProposal]} raised by{" "}
                    {item.closureProposedBy?.name ?? "—"} on {day(item.closureProposedAt)} (
                    {item.closureJustification}); an administrator other than them must confirm it
                    by choosing the same status.
                  </dd>
                </>
              )}
            </dl>
            {item.description && (
              <p className="mt-4 whitespace-pre-line text-slate-800">{item.description}</p>
            )}
          </section>
          <section className={card}>
            <h2 className="mb-2 font-semibold">Holds back</h2>
            {item.controls.length === 0 && item.criteria.length === 0 ? (
              <p className="text-slate-600">
                Not linked to any control or criterion, so it does not affect status.
              </p>
            ) : (
              <ul className="flex flex-col gap-1" data-testid="backlog-links">
                {item.controls.map(({ control }) => (
                  <li key={control.id}>
                    <Link href={`/controls/${control.id}`} className="text-indigo-700 underline">
                      {control.ref}
                    </Link>{" "}
                    {control.title}
                  </li>
                ))}
                {item.criteria.map((c) => (
                  <li key={c.criterionId}>
                    <Link href={`/criteria/${c.criterionId}`} className="text-indigo-700 underline">
                      {c.criterionId}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={card}>
            <h2 className="mb-2 font-semibold">Risk</h2>
            <RiskTable before={item.riskBefore} after={item.riskAfter} />
          </section>
        </div>
        <div className="flex flex-col gap-6">
          {canWrite && (
            <section className={card}>
              <h2 className="mb-2 font-semibold">Status</h2>
              <p className="mb-3 text-xs text-slate-600">
                Verifying needs every check below ticked by someone other than the person who
                resolved the item, and that person cannot verify it.
              </p>
              <TransitionForm
                key={item.status}
                itemId={item.id}
                allowed={allowedTransitions(item.status)}
              />
            </section>
          )}
          <section className={card} data-testid="backlog-checks">
            <h2 className="mb-2 font-semibold">
              Verification checklist ({item.checks.filter((c) => c.checkedAt).length}/
              {item.checks.length})
            </h2>
            {item.checks.length === 0 ? (
              <p className="text-slate-600">
                No checks yet. Add what a second person must confirm before this item counts as
                verified.
              </p>
            ) : (
              <ul className="flex flex-col gap-2">
                {item.checks.map((c, i) => (
                  <li
                    key={c.id}
                    data-testid={`check-${i + 1}`}
                    data-checked={c.checkedAt ? "true" : "false"}
                  >
                    <ToggleForm
                      action={setBacklogCheckAction}
                      fields={{ checkId: c.id }}
                      flag="checked"
                      checked={c.checkedAt !== null}
                      disabled={!canWrite || item.status === "verified"}
                      testId={`toggle-check-${i + 1}`}
                      label={
                        <>
                          {c.text}
                          {c.checkedAt && (
                            <span className="text-xs text-slate-500">
                              {" "}
                              — {c.checkedBy?.name ?? "—"}, {day(c.checkedAt)}
                              {c.checkedById === item.resolvedById &&
                                " (the resolver: does not count)"}
                            </span>
                          )}
                        </>
                      }
                    />
                    {canWrite && !c.checkedAt && item.status !== "verified" && (
                      <span className="ml-6">
                        <RemoveButton
                          action={removeBacklogCheckAction}
                          fields={{ checkId: c.id }}
                          confirmText={`Remove the check "${c.text}"?`}
                          testId={`remove-check-${i + 1}`}
                        />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canWrite && item.status !== "verified" && <AddCheckForm itemId={item.id} />}
          </section>
          <section className={card} data-testid="backlog-history">
            <h2 className="mb-2 font-semibold">History</h2>
            <ol className="flex flex-col gap-1">
              {item.history.map((h) => (
                <li key={String(h.seq)}>
                  <span className="text-slate-500">{isoMinute(h.at)}</span> {h.actorEmail}:{" "}
                  {h.summary}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </>
  );
}
