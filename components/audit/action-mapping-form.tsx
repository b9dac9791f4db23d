"use client";
import { useActionState } from "react";
import { mapActionAction } from "@/lib/actions/audit-actions";
import { FormStatus } from "@/components/ui/form";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

export function ActionMappingForm() {
  const [state, action, pending] = useActionState(mapActionAction, {});
  return (
    <form
      action={action}
      className="mt-4 flex flex-wrap items-center gap-2 text-sm"
      data-testid="action-mapping-form"
    >
      <input
        name="action"
        placeholder="event type, e.g. sso_login"
        aria-label="Event type"
        required
        className={`${box} font-mono`}
        defaultValue={state.values?.action}
      />
      <input
        name="criteria"
        placeholder="CC6.1, CC7.2 (empty removes)"
        aria-label="Criteria"
        className={`${box} w-64`}
        defaultValue={state.values?.criteria}
      />
      <button type="submit" disabled={pending} className={`${box} font-medium hover:bg-slate-100`}>
        Save mapping
      </button>
      <FormStatus state={state} />
    </form>
  );
}
