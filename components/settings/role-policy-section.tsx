"use client";
// Per role: require a second factor; allow password sign-in (only meaningful with SSO on).
import { useActionState } from "react";
import { updateRolePolicyAction } from "@/lib/actions/second-factor-actions";
import type { RolePolicyView } from "@/lib/auth/role-policy";
import { ROLE_LABELS } from "@/lib/auth/types";
import { FormStatus, SubmitButton } from "@/components/ui/form";

function RolePolicyForm({ policy, sso }: { policy: RolePolicyView; sso: boolean }) {
  const [state, action, pending] = useActionState(updateRolePolicyAction, {});
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-4 border-b border-slate-100 py-3 text-sm"
      data-testid={`role-policy-${policy.role}`}
    >
      <input type="hidden" name="role" value={policy.role} />
      <span className="w-56 font-medium">{ROLE_LABELS[policy.role]}</span>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="requireSecondFactor"
          defaultChecked={policy.requireSecondFactor}
        />
        Require a second factor
      </label>
      {sso ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="passwordSignIn" defaultChecked={policy.passwordSignIn} />
          Allow password sign-in
        </label>
      ) : (
        <input type="hidden" name="passwordSignIn" value="on" />
      )}
      <SubmitButton pending={pending}>Save</SubmitButton>
      <FormStatus state={state} testId={`role-policy-${policy.role}-status`} />
    </form>
  );
}

export function RolePolicySection({ policies, sso }: { policies: RolePolicyView[]; sso: boolean }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6">
      <h3 className="mb-1 font-medium">Sign-in policy</h3>
      <p className="mb-2 text-sm text-slate-600">
        Users of a role that requires a second factor are sent to set one up before anything else.
        {sso
          ? " Turning off password sign-in leaves single sign-on (break-glass admins in TRUSTBOARD_SSO_BREAK_GLASS keep their password)."
          : " Password sign-in can be turned off per role once single sign-on is configured."}
      </p>
      {policies.map((p) => (
        <RolePolicyForm key={p.role} policy={p} sso={sso} />
      ))}
    </div>
  );
}
