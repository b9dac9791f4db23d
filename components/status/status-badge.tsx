import { STATUS_LABEL } from "@/lib/status/labels";
import type { Status } from "@/lib/status/types";

const STYLE: Record<Status, string> = {
  met: "bg-emerald-100 text-emerald-900",
  at_risk: "bg-amber-100 text-amber-900",
  gap: "bg-red-100 text-red-900",
  not_started: "bg-slate-200 text-slate-800",
  not_applicable: "bg-slate-100 text-slate-600",
};

export function StatusBadge({
  status,
  overridden,
  testId,
}: {
  status: Status;
  overridden?: boolean;
  testId?: string;
}) {
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[status]}`}
    >
      {STATUS_LABEL[status]}
      {overridden && <span title="Manual override">· override</span>}
    </span>
  );
}
