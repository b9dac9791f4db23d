import Link from "next/link";
import type { SessionUser } from "@/lib/auth/types";
import { listBacklogForControl } from "@/lib/backlog/from-finding";
import { STATUS_LABEL, isOpen } from "@/lib/backlog/workflow";
import type { Reason } from "@/lib/status/types";
import { PriorityBadge } from "./priority-badge";
import { TrackFindingForm } from "./track-finding-form";

/** The control's backlog items, and its collector findings that are not tracked yet. */
export async function ControlBacklog({
  user,
  controlId,
  reasons,
  canWrite,
}: {
  user: SessionUser;
  controlId: string;
  reasons: Reason[];
  canWrite: boolean;
}) {
  const items = await listBacklogForControl(user, controlId);
  const tracked = new Set(
    items.filter((i) => i.origin === "collector" && isOpen(i.status)).map((i) => i.originNote),
  );
  const findings = reasons
    .filter((r) => r.source.type === "signal" && !tracked.has(r.text))
    .map((r) => r.text);
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="control-backlog">
      {items.length === 0 ? (
        <p className="text-slate-600">No backlog items are linked to this control.</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {items.map((i) => (
            <li key={i.key} className="flex flex-wrap items-center gap-2">
              <Link
                href={`/backlog/${i.key}`}
                className="font-mono font-semibold text-indigo-700 hover:underline"
              >
                {i.key}
              </Link>
              <PriorityBadge priority={i.priority} />
              <span className="text-slate-600">{STATUS_LABEL[i.status]}</span>
              <span>{i.title}</span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && findings.length > 0 && (
        <div>
          <h3 className="mb-1 font-medium">Collector findings not tracked yet</h3>
          <ul className="flex flex-col gap-2">
            {findings.map((f, i) => (
              <li key={f} className="flex flex-col gap-1">
                <span className="text-amber-900">{f}</span>
                <TrackFindingForm controlId={controlId} finding={f} index={i} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
