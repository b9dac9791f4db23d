"use client";
// A checkbox that saves on change through a server action: keyboard-usable (space toggles),
// optimistic, and announcing refusals.
import { startTransition, useActionState, useOptimistic } from "react";
import type { ActionState } from "@/lib/actions/safe-action";

export function ToggleForm({
  action,
  fields,
  flag,
  checked,
  label,
  disabled,
  testId,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  flag: string;
  checked: boolean;
  label: React.ReactNode;
  disabled?: boolean;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  // Shows the new state at once; falls back to the server's when the save is refused.
  const [shown, setShown] = useOptimistic(checked);
  return (
    <form action={formAction} className="flex flex-col">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name={flag} value={checked ? "false" : "true"} />
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={shown}
          disabled={disabled || pending}
          data-testid={testId}
          onChange={(e) => {
            const data = new FormData(e.currentTarget.form!);
            const next = e.currentTarget.checked;
            startTransition(() => {
              setShown(next);
              formAction(data);
            });
          }}
        />
        <span>{label}</span>
      </label>
      {state.ok === false && state.message && (
        <p role="alert" className="ml-6 text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
