"use client";
// Per-user credential and session controls for administrators: issue a reset link (or a new
// invitation while none was used) and end every session of the account.
import { useActionState } from "react";
import { endSessionsAction, issueLinkAction } from "@/lib/actions/user-actions";
import { FormStatus } from "@/components/ui/form";
import { IssuedLink } from "./issued-link";

const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100";

export function IssueLinkButton({
  id,
  email,
  invitation,
}: {
  id: string;
  email: string;
  invitation: boolean;
}) {
  const [state, action, pending] = useActionState(issueLinkAction, {});
  const label = invitation ? "New invitation link" : "Reset password";
  return (
    <div className="flex flex-col gap-2">
      <form
        action={action}
        onSubmit={(e) => {
          if (
            !invitation &&
            !window.confirm(
              `Issue a password reset link for ${email}? Using it replaces their password and signs them out everywhere.`,
            )
          )
            e.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={pending} className={small} data-testid="issue-link">
          {label}
        </button>
      </form>
      {state.issued ? (
        <IssuedLink key={state.issued.link} issued={state.issued} />
      ) : (
        <FormStatus state={state} testId="issue-link-status" />
      )}
    </div>
  );
}

export function EndSessionsButton({ id, email }: { id: string; email: string }) {
  const [state, action, pending] = useActionState(endSessionsAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Sign ${email} out of every session now?`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={small} data-testid="end-sessions">
        Sign out everywhere
      </button>
      <FormStatus state={state} testId="end-sessions-status" />
    </form>
  );
}
