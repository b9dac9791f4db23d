"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/safe-action";

/** A small destructive button that asks first and says why when the server refuses. */
export function RemoveButton({
  action,
  fields,
  confirmText,
  label = "Remove",
  testId,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  confirmText: string;
  label?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      className="inline"
      onSubmit={(e) => {
        if (!window.confirm(confirmText)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="text-xs text-red-700 underline hover:text-red-900"
        data-testid={testId}
      >
        {label}
      </button>
      {state.ok === false && state.message && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
