"use client";
import { useActionState } from "react";
import { setupAction } from "@/lib/actions/auth-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="setup-form">
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        errors={state.errors?.name}
        values={state.values}
      />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        errors={state.errors?.email}
        values={state.values}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint="At least 12 characters, not a common password."
        errors={state.errors?.password}
        values={state.values}
      />
      <Field
        label="Repeat password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirm}
        values={state.values}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Create administrator</SubmitButton>
    </form>
  );
}
