"use client";
import { useActionState } from "react";
import { trackFindingAction } from "@/lib/actions/backlog-actions";
import { FormStatus } from "@/components/ui/form";
import { PriorityOptions } from "./priority-badge";

export function TrackFindingForm({
  controlId,
  finding,
  index,
}: {
  controlId: string;
  finding: string;
  index: number;
}) {
  const [state, action, pending] = useActionState(trackFindingAction, {});
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-2"
      data-testid={`track-finding-${index}`}
    >
      <input type="hidden" name="controlId" value={controlId} />
      <input type="hidden" name="finding" value={finding} />
      <label className="sr-only" htmlFor={`finding-priority-${index}`}>
        Priority
      </label>
      <select
        id={`finding-priority-${index}`}
        name="priority"
        defaultValue="P1"
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
      >
        <PriorityOptions />
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium hover:bg-slate-100"
      >
        {pending ? "Creating…" : "Track as a backlog item"}
      </button>
      <FormStatus state={state} testId={`track-finding-status-${index}`} />
    </form>
  );
}
