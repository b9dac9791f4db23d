"use client";
// The per-connection "do it now" button (pull an audit source or a results directory, scan a
// database): one form posting the connection's id, its pending label while the server works, and
// what the server answered. `beside` shows more while it runs (the audit pull's progress).
import { useActionState, type ReactNode } from "react";
import { FormStatus } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions/safe-action";

export function RunNowForm({
  id,
  action,
  label,
  pendingLabel,
  ariaLabel,
  buttonTestId,
  statusTestId,
  beside,
}: {
  id: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  ariaLabel?: string;
  buttonTestId?: string;
  statusTestId?: string;
  beside?: (pending: boolean) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <div className="flex items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
          aria-label={ariaLabel}
          data-testid={buttonTestId}
        >
          {pending ? pendingLabel : label}
        </button>
        {beside?.(pending)}
      </div>
      <FormStatus state={state} testId={statusTestId} />
    </form>
  );
}
