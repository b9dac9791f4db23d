import Link from "next/link";
import type { PhaseCard } from "@/lib/phases/phase-queries";
import { PHASE_STATUS_LABEL, type PhaseStatus } from "@/lib/phases/phase-status";
import { ProgressBar } from "@/components/ui/progress-bar";
import { PhaseStatusBadge } from "./phase-status-badge";

const ORDER: PhaseStatus[] = ["gaps_found", "in_progress", "pending", "complete", "verified"];

export function PhaseTimeline({ phases }: { phases: PhaseCard[] }) {
  const counts = ORDER.map((s) => [s, phases.filter((p) => p.status === s).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700" data-testid="phase-summary">
        {phases.length} phase(s):{" "}
        {counts.map(([s, n]) => `${n} ${PHASE_STATUS_LABEL[s].toLowerCase()}`).join(", ")}
      </p>
      <ol
        className="relative flex flex-col gap-3 border-l-2 border-slate-200 pl-6"
        data-testid="phase-timeline"
      >
        {phases.map((p) => (
          <li
            key={p.id}
            className="relative rounded-xl border border-slate-200 bg-white p-4"
            data-testid={`phase-card-${p.number}`}
          >
            <span
              aria-hidden="true"
              className={`absolute -left-[33px] top-5 h-4 w-4 rounded-full border-2 border-white ${p.status === "gaps_found" ? "bg-red-500" : p.status === "verified" || p.status === "complete" ? "bg-emerald-500" : p.status === "in_progress" ? "bg-sky-500" : "bg-slate-300"}`}
            />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link
                href={`/phases/${p.number}`}
                className="font-semibold text-indigo-700 hover:underline"
              >
                Phase {p.number}: {p.title}
              </Link>
              <PhaseStatusBadge status={p.status} testId={`phase-status-${p.number}`} />
            </div>
            {p.goal && <p className="mt-1 text-sm text-slate-600">{p.goal}</p>}
            <div className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
              <ProgressBar
                label="Deliverables done"
                done={p.deliverables.done}
                total={p.deliverables.total}
              />
              <ProgressBar
                label="Must-haves verified"
                done={p.mustHaves.done}
                total={p.mustHaves.total}
                testId={`phase-score-${p.number}`}
              />
            </div>
            <p className="mt-2 text-xs text-slate-500">
              Owner: {p.ownerName ?? "nobody"}
              {p.criteria.length > 0 && ` · delivers ${p.criteria.join(", ")}`}
            </p>
            {p.gaps.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-xs text-red-800">
                {p.gaps.map((g) => (
                  <li key={g}>Gap: {g}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
