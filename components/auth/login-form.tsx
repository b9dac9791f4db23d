"use client";
import { useActionState } from "react";
import { loginAction } from "@/lib/actions/auth-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function LoginForm() {
  const [state, action, pending] = useActionState(loginAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="login-form">
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        errors={state.errors?.email}
        values={state.values}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
        values={state.values}
      />
      <FormStatus state={state} testId="login-error" />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
    </form>
  );
}
