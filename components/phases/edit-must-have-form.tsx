"use client";
import { useActionState } from "react";
import { editMustHaveAction } from "@/lib/actions/phase-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function EditMustHaveForm({
  mustHaveId,
  position,
  truth,
  requirements,
  assessed,
}: {
  mustHaveId: string;
  position: number;
  truth: string;
  requirements: string[];
  assessed: boolean;
}) {
  const [state, action, pending] = useActionState(editMustHaveAction, {});
  return (
    <details className="mt-2 text-sm">
      <summary
        className="cursor-pointer text-indigo-700"
        data-testid={`edit-must-have-${position}`}
      >
        Edit wording
      </summary>
      <form action={action} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="mustHaveId" value={mustHaveId} />
        <Field
          id={`mh-${position}-truth`}
          label="Observable truth"
          name="truth"
          required
          defaultValue={state.values?.truth ?? truth}
          errors={state.errors?.truth}
        />
        <Field
          id={`mh-${position}-reqs`}
          label="Requirement ids it proves"
          name="requirements"
          defaultValue={state.values?.requirements ?? requirements.join(" ")}
          errors={state.errors?.requirements}
        />
        {assessed && (
          <p className="text-xs text-amber-800">
            Changing it clears its verdict: it was given on the old wording and must be verified
            again.
          </p>
        )}
        <FormStatus state={state} testId={`edit-must-have-status-${position}`} />
        <div>
          <SubmitButton pending={pending}>Save wording</SubmitButton>
        </div>
      </form>
    </details>
  );
}
