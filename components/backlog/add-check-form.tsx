"use client";
import { useActionState } from "react";
import { addBacklogCheckAction } from "@/lib/actions/backlog-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function AddCheckForm({ itemId }: { itemId: string }) {
  const [state, action, pending] = useActionState(addBacklogCheckAction, {});
  return (
    <form action={action} className="mt-3 flex flex-col gap-2 text-sm" data-testid="add-check-form">
      <input type="hidden" name="itemId" value={itemId} />
      <Field
        id="check-text"
        label="Add a verification check"
        name="text"
        required
        errors={state.errors?.text}
      />
      <FormStatus state={state} testId="add-check-status" />
      <div>
        <SubmitButton pending={pending}>Add check</SubmitButton>
      </div>
    </form>
  );
}
