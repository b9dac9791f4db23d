"use client";
import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/account-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { AccountSection } from "./account-section";

export function ChangePasswordSection() {
  const [state, action, pending] = useActionState(changePasswordAction, {});
  return (
    <AccountSection
      id="change-password"
      title="Password"
      description="Changing it signs you out of every other browser and device."
    >
      <form
        action={action}
        className="grid max-w-md grid-cols-1 gap-4"
        data-testid="change-password-form"
        key={state.ok ? state.message : "form"}
      >
        <Field
          label="Current password"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          errors={state.errors?.current}
        />
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          hint="At least 12 characters, not a common password."
          errors={state.errors?.password}
        />
        <Field
          label="Repeat new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          errors={state.errors?.confirm}
        />
        <FormStatus state={state} testId="change-password-status" />
        <div>
          <SubmitButton pending={pending}>Change password</SubmitButton>
        </div>
      </form>
    </AccountSection>
  );
}
