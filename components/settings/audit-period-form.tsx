"use client";
import { useActionState } from "react";
import { saveAuditPeriodAction } from "@/lib/actions/workspace-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function AuditPeriodForm({
  start,
  end,
  editable,
}: {
  start: string;
  end: string;
  editable: boolean;
}) {
  const [state, action, pending] = useActionState(saveAuditPeriodAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-4" data-testid="period-form">
      <Field
        label="Audit period starts"
        name="start"
        type="date"
        defaultValue={state.values?.start ?? start}
        disabled={!editable}
        errors={state.errors?.start}
      />
      <Field
        label="Audit period ends"
        name="end"
        type="date"
        defaultValue={state.values?.end ?? end}
        disabled={!editable}
        errors={state.errors?.end}
      />
      {editable && <SubmitButton pending={pending}>Save period</SubmitButton>}
      <FormStatus state={state} testId="period-status" />
    </form>
  );
}
