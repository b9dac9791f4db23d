"use client";
// Sign in with a passkey: on the sign-in page (passwordless) or as the second step.
import { useActionState, useState, useTransition } from "react";
import { startAuthentication } from "@simplewebauthn/browser";
import {
  passkeySignInAction,
  passkeySignInOptionsAction,
} from "@/lib/actions/sign-in-factor-actions";
import { FormStatus } from "@/components/ui/form";

export function PasskeySignInButton({ label = "Use a passkey" }: { label?: string }) {
  const [state, signIn] = useActionState(passkeySignInAction, {});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const go = () =>
    startTransition(async () => {
      setError(null);
      const { options, state: sealed } = await passkeySignInOptionsAction();
      let response: unknown;
      try {
        response = await startAuthentication({ optionsJSON: options });
      } catch {
        setError("The browser did not use a passkey.");
        return;
      }
      const form = new FormData();
      form.set("response", JSON.stringify(response));
      form.set("state", sealed);
      signIn(form);
    });
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        onClick={go}
        disabled={pending}
        data-testid="passkey-sign-in"
        className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
      >
        {pending ? "Waiting for the passkey…" : label}
      </button>
      {error && (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <FormStatus state={state} testId="passkey-sign-in-status" />
    </div>
  );
}
