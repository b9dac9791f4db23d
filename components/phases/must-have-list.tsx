import Link from "next/link";
import { STATUS_LABEL, isOpen } from "@/lib/backlog/workflow";
import { isoDay } from "@/lib/dates";
import type { PhaseDetail } from "@/lib/phases/phase-queries";
import { VERDICT_LABEL, isGap } from "@/lib/phases/phase-status";
import { ToBacklogButton, VerifyForm } from "./verify-form";
import { removeMustHaveAction } from "@/lib/actions/phase-actions";
import { RemoveButton } from "@/components/ui/remove-button";
import type { EvidenceOption } from "./evidence-select";
import { EditMustHaveForm } from "./edit-must-have-form";

const VERDICT_STYLE = {
  pending: "bg-slate-100 text-slate-700",
  verified: "bg-emerald-100 text-emerald-900",
  partial: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
} as const;

export function MustHaveList({
  mustHaves,
  canWrite,
  canTrack,
  canVerify,
  ownerNote,
  evidence,
}: {
  mustHaves: PhaseDetail["mustHaves"];
  canWrite: boolean;
  /** May turn a gap into a backlog item. */
  canTrack: boolean;
  canVerify: boolean;
  ownerNote: string | null;
  evidence: EvidenceOption[];
}) {
  if (mustHaves.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No must-haves yet: add the observable truths this phase must make true, then ask someone
        other than the owner to verify them.
      </p>
    );
  return (
    <>
      {ownerNote && (
        <p className="mb-3 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700">{ownerNote}</p>
      )}
      <ol className="flex flex-col gap-4 text-sm">
        {mustHaves.map((m) => (
          <li
            key={m.id}
            className="rounded-lg border border-slate-200 p-3"
            data-testid={`must-have-${m.position}`}
            data-verdict={m.verdict}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <p className="font-medium">
                {m.position}. {m.truth}
              </p>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ${VERDICT_STYLE[m.verdict]}`}
                data-testid={`verdict-${m.position}`}
              >
                {VERDICT_LABEL[m.verdict]}
              </span>
            </div>
            <div className="mt-1 flex flex-col gap-1 text-xs text-slate-700">
              {m.requirements.length > 0 && <p>Requirements: {m.requirements.join(", ")}</p>}
              {m.reason && (
                <p className={isGap(m.verdict) ? "text-red-800" : ""}>
                  <span className="font-semibold">Reason:</span> {m.reason}
                </p>
              )}
              {m.observation && (
                <p>
                  <span className="font-semibold">Observed:</span> {m.observation}
                </p>
              )}
              {m.artifacts.length > 0 && (
                <ul className="font-mono">
                  {m.artifacts.map((a) => (
                    <li key={a.path}>
                      {a.path}
                      {a.note && <span className="font-sans"> — {a.note}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {m.missing.length > 0 && (
                <div>
                  <span className="font-semibold">Missing:</span>
                  <ul className="list-disc pl-5">
                    {m.missing.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                </div>
              )}
              {m.evidence && (
                <p>
                  Evidence:{" "}
                  <Link href={`/evidence/${m.evidence.id}`} className="text-indigo-700 underline">
                    {m.evidence.title}
                  </Link>
                </p>
              )}
              {m.verifiedAt && (
                <p className="text-slate-500">
                  Assessed on {isoDay(m.verifiedAt)}
                  {m.verifiedBy && ` by ${m.verifiedBy.name}`}
                </p>
              )}
              {m.backlogItems.length > 0 && (
                <p>
                  Tracked as{" "}
                  {m.backlogItems.map((b, i) => (
                    <span key={b.key}>
                      {i > 0 && ", "}
                      <Link
                        href={`/backlog/${b.key}`}
                        className="font-semibold text-indigo-700 underline"
                        data-testid={`tracked-${m.position}`}
                      >
                        {b.key}
                      </Link>{" "}
                      ({STATUS_LABEL[b.status].toLowerCase()})
                    </span>
                  ))}
                </p>
              )}
            </div>
            {canWrite && (
              <EditMustHaveForm
                mustHaveId={m.id}
                position={m.position}
                truth={m.truth}
                requirements={m.requirements}
                assessed={m.verdict !== "pending"}
              />
            )}
            {canWrite && m.verdict === "pending" && (
              <RemoveButton
                action={removeMustHaveAction}
                fields={{ mustHaveId: m.id }}
                confirmText={`Remove the must-have "${m.truth}"? It has not been assessed yet.`}
                testId={`remove-must-have-${m.position}`}
              />
            )}
            {canVerify && (
              <VerifyForm
                mustHaveId={m.id}
                position={m.position}
                current={{
                  verdict: m.verdict,
                  reason: m.reason,
                  observation: m.observation,
                  missing: m.missing,
                  evidenceId: m.evidence?.id ?? null,
                }}
                evidence={evidence}
              />
            )}
            {canTrack && isGap(m.verdict) && !m.backlogItems.some((b) => isOpen(b.status)) && (
              <ToBacklogButton mustHaveId={m.id} position={m.position} />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
