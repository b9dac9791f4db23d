"use client";
import { useActionState } from "react";
import { ssoSignInAction } from "@/lib/actions/sign-in-factor-actions";
import { FormStatus } from "@/components/ui/form";

export function SsoButton({ name }: { name: string }) {
  const [state, action, pending] = useActionState(ssoSignInAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <button
        type="submit"
        disabled={pending}
        data-testid="sso-sign-in"
        className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50 disabled:opacity-60"
      >
        Continue with {name}
      </button>
      <FormStatus state={state} testId="sso-status" />
    </form>
  );
}
