"use client";
import { useActionState, useState } from "react";
import { transitionBacklogItemAction } from "@/lib/actions/backlog-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";
import { NEEDS_JUSTIFICATION, STATUS_LABEL, type BacklogStatus } from "@/lib/backlog/workflow";

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function TransitionForm({
  itemId,
  allowed,
}: {
  itemId: string;
  allowed: readonly BacklogStatus[];
}) {
  const [state, action, pending] = useActionState(transitionBacklogItemAction, {});
  const [to, setTo] = useState<BacklogStatus>(allowed[0] ?? "open");
  const needsWhy = NEEDS_JUSTIFICATION.includes(to);
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      data-testid="transition-form"
      onSubmit={(e) => {
        if (
          (to === "risk_accepted" || to === "false_positive") &&
          !window.confirm(
            `Mark this item "${STATUS_LABEL[to].toLowerCase()}"? It stops holding its controls back.`,
          )
        )
          e.preventDefault();
      }}
    >
      <input type="hidden" name="itemId" value={itemId} />
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Move to</span>
        <select
          name="to"
          defaultValue={state.values?.to ?? to}
          onChange={(e) => setTo(e.target.value as BacklogStatus)}
          className={box}
          data-testid="transition-to"
        >
          {allowed.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">
          {needsWhy ? "Justification (required)" : "Note (optional)"}
        </span>
        <textarea
          name="justification"
          rows={2}
          required={needsWhy}
          defaultValue={state.values?.justification}
          className={box}
          data-testid="transition-note"
        />
      </label>
      <FormStatus state={state} testId="transition-status" />
      <div>
        <SubmitButton pending={pending} data-testid="transition-submit">
          Change status
        </SubmitButton>
      </div>
    </form>
  );
}
