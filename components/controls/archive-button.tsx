"use client";
import { useActionState } from "react";
import { archiveControlAction } from "@/lib/actions/control-actions";
import { FormStatus } from "@/components/ui/form";

export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archiveControlAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (
          !archived &&
          !window.confirm(
            "Archive this control? It stops counting towards its criteria; it can be restored.",
          )
        )
          e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        data-testid="archive-control"
      >
        {archived ? "Restore" : "Archive"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
