"use client";
import { useActionState } from "react";
import { secondFactorLoginAction } from "@/lib/actions/sign-in-factor-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function SecondFactorForm() {
  const [state, action, pending] = useActionState(secondFactorLoginAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="second-factor-form">
      <Field
        label="Code from your authenticator app, or a recovery code"
        name="code"
        autoComplete="one-time-code"
        required
        autoFocus
        errors={state.errors?.code}
      />
      <FormStatus state={state} testId="second-factor-error" />
      <SubmitButton pending={pending}>Verify</SubmitButton>
    </form>
  );
}
