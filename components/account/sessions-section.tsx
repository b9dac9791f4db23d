"use client";
import { useActionState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function SessionsSection() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, {});
  return (
    <section
      className="mb-8 rounded-xl border border-slate-200 bg-white p-6"
      aria-labelledby="sessions"
    >
      <h2 id="sessions" className="mb-1 text-lg font-semibold">
        Sessions
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Ends every session of your account at once — on every browser and device, this one included.
        Use it when a device is lost or you signed in somewhere you should not have.
      </p>
      <form
        action={action}
        onSubmit={(e) => {
          if (!window.confirm("Sign out of every browser and device, including this one?"))
            e.preventDefault();
        }}
      >
        <SubmitButton pending={pending} data-testid="sign-out-everywhere">
          Sign out everywhere
        </SubmitButton>
        <FormStatus state={state} />
      </form>
    </section>
  );
}
