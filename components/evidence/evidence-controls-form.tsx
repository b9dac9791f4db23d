"use client";
import { useActionState } from "react";
import { setEvidenceControlsAction } from "@/lib/actions/evidence-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

/** Re-links evidence to controls; accepted evidence then needs a new review (said up front). */
export function EvidenceControlsForm({
  id,
  controls,
  linked,
  accepted,
}: {
  id: string;
  controls: { id: string; label: string }[];
  linked: string[];
  accepted: boolean;
}) {
  const [state, action, pending] = useActionState(setEvidenceControlsAction, {});
  return (
    <form action={action} className="mt-3 flex flex-col gap-2" data-testid="evidence-links-form">
      <input type="hidden" name="id" value={id} />
      <select
        name="controls"
        multiple
        defaultValue={linked}
        aria-label="Controls it proves"
        className="h-32 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        {controls.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      {accepted && (
        <p className="text-xs text-slate-600">
          This evidence is accepted: changing its controls sends it back to review.
        </p>
      )}
      <div>
        <SubmitButton pending={pending}>Save links</SubmitButton>
      </div>
      <FormStatus state={state} testId="evidence-links-status" />
    </form>
  );
}
