"use client";
import { useActionState } from "react";
import { overrideAction, revokeOverrideAction } from "@/lib/actions/override-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";
import { STATUS_LABEL } from "@/lib/status/labels";

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function OverrideForm({
  targetType,
  targetId,
  active,
}: {
  targetType: "control" | "criterion";
  targetId: string;
  active: boolean;
}) {
  const [state, action, pending] = useActionState(overrideAction, {});
  const [revokeState, revoke, revoking] = useActionState(revokeOverrideAction, {});
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4" data-testid="override">
      <summary className="cursor-pointer text-sm font-medium">
        Manual override{active ? " (active)" : ""}
      </summary>
      <form action={action} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Show status</span>
            <select name="status" className={box}>
              {Object.entries(STATUS_LABEL).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Until (last day)</span>
            <input
              type="date"
              name="until"
              required
              className={box}
              defaultValue={state.values?.until}
            />
            {state.errors?.until && (
              <span className="text-xs text-red-700">{state.errors.until.join(" ")}</span>
            )}
          </label>
        </div>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Justification (shown to auditors)</span>
          <textarea
            name="justification"
            required
            minLength={20}
            rows={3}
            className={box}
            defaultValue={state.values?.justification}
          />
          {state.errors?.justification && (
            <span className="text-xs text-red-700">{state.errors.justification.join(" ")}</span>
          )}
        </label>
        <FormStatus state={state} testId="override-status" />
        <div>
          <SubmitButton pending={pending}>Record override</SubmitButton>
        </div>
      </form>
      {active && (
        <form action={revoke} className="mt-3">
          <input type="hidden" name="targetType" value={targetType} />
          <input type="hidden" name="targetId" value={targetId} />
          <button
            type="submit"
            disabled={revoking}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Remove override
          </button>
          <FormStatus state={revokeState} />
        </form>
      )}
    </details>
  );
}
