"use client";
import { useActionState } from "react";
import { redeemLinkAction } from "@/lib/actions/credential-link-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(redeemLinkAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="set-password-form">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        autoFocus
        errors={state.errors?.password}
      />
      <Field
        label="Repeat password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirm}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Set password</SubmitButton>
    </form>
  );
}
