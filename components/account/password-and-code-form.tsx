"use client";
// A change to the factors that needs the password and a current code (TOTP or recovery code).
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/safe-action";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { RecoveryCodesList } from "./recovery-codes-list";

type Reply = ActionState & { recoveryCodes?: string[] };

export function PasswordAndCodeForm({
  action,
  submit,
  testId,
  hidden,
}: {
  action: (prev: Reply, form: FormData) => Promise<Reply>;
  submit: string;
  testId: string;
  hidden?: Record<string, string>;
}) {
  const [state, run, pending] = useActionState(action, {});
  return (
    <form action={run} className="flex flex-col gap-3" data-testid={testId}>
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <Field
        label="Code from your app, or a recovery code"
        name="code"
        autoComplete="one-time-code"
        required
        errors={state.errors?.code}
      />
      <FormStatus state={state} testId={`${testId}-status`} />
      {state.recoveryCodes && <RecoveryCodesList codes={state.recoveryCodes} />}
      <SubmitButton pending={pending}>{submit}</SubmitButton>
    </form>
  );
}
