import { DESIGN_LABEL, OPERATING_LABEL, STATUS_LABEL } from "@/lib/status/labels";
import type { Evaluation } from "@/lib/status/types";
import { ReasonList } from "./reason-list";
import { StatusBadge } from "./status-badge";

export function StatusPanel({ evaluation }: { evaluation: Evaluation }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6" data-testid="status-panel">
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge
          status={evaluation.status}
          overridden={evaluation.overridden}
          testId="status"
        />
        {evaluation.overridden && (
          <span className="text-xs text-slate-600">
            computed: {STATUS_LABEL[evaluation.computed]}
          </span>
        )}
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-2 text-sm md:grid-cols-2">
        <div>
          <dt className="text-slate-500">Design (Type I)</dt>
          <dd data-testid="design">{DESIGN_LABEL[evaluation.design]}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Operating effectiveness (Type II)</dt>
          <dd data-testid="operating">{OPERATING_LABEL[evaluation.operating]}</dd>
        </div>
      </dl>
      <h3 className="mb-2 mt-4 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Why
      </h3>
      <ReasonList reasons={evaluation.reasons} />
    </section>
  );
}
