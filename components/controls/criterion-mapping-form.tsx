"use client";
import { useActionState } from "react";
import { mapCriterionAction } from "@/lib/actions/control-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function CriterionMappingForm({
  criterionId,
  controls,
  mapped,
}: {
  criterionId: string;
  controls: { id: string; label: string }[];
  mapped: string[];
}) {
  const [state, action, pending] = useActionState(mapCriterionAction, {});
  if (controls.length === 0)
    return <p className="text-sm text-slate-600">Create a control first, then map it here.</p>;
  return (
    <form action={action} className="flex flex-col gap-2" data-testid="criterion-mapping">
      <input type="hidden" name="criterionId" value={criterionId} />
      <div className="max-h-48 overflow-y-auto rounded-md border border-slate-200 p-2">
        {controls.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="controls"
              value={c.id}
              defaultChecked={mapped.includes(c.id)}
            />{" "}
            {c.label}
          </label>
        ))}
      </div>
      <FormStatus state={state} />
      <div>
        <SubmitButton pending={pending}>Save mapping</SubmitButton>
      </div>
    </form>
  );
}
