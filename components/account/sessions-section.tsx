"use client";
import { useActionState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";
import { AccountSection } from "./account-section";

export function SessionsSection() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, {});
  return (
    <AccountSection
      id="sessions"
      title="Sessions"
      description="Ends every session of your account at once — on every browser and device, this one included. Use it when a device is lost or you signed in somewhere you should not have."
    >
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
    </AccountSection>
  );
}
