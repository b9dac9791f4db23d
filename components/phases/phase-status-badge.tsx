import { PHASE_STATUS_LABEL, type PhaseStatus } from "@/lib/phases/phase-status";

const STYLE: Record<PhaseStatus, string> = {
  pending: "bg-slate-100 text-slate-700",
  in_progress: "bg-sky-100 text-sky-900",
  complete: "bg-indigo-100 text-indigo-900",
  gaps_found: "bg-red-100 text-red-900",
  verified: "bg-emerald-100 text-emerald-900",
};

export function PhaseStatusBadge({ status, testId }: { status: PhaseStatus; testId?: string }) {
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`}
    >
      {PHASE_STATUS_LABEL[status]}
    </span>
  );
}
