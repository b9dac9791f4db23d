"use client";
import { useActionState, useState } from "react";
import { addUserAction } from "@/lib/actions/user-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { ROLE_LABELS } from "@/lib/auth/types";
import { IssuedLink } from "./issued-link";

export function AddUserForm() {
  const [state, action, pending] = useActionState(addUserAction, {});
  const [role, setRole] = useState("engineer");
  return (
    <div className="flex flex-col gap-4">
      <form
        action={action}
        className="grid grid-cols-1 gap-4 md:grid-cols-3"
        data-testid="add-user-form"
        key={state.ok ? state.message : "form"}
      >
        <Field
          label="Email"
          name="email"
          type="email"
          required
          errors={state.errors?.email}
          values={state.values}
        />
        <Field
          label="Name"
          name="name"
          required
          errors={state.errors?.name}
          values={state.values}
        />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Role</span>
          <select
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-3 py-2"
            data-testid="new-user-role"
          >
            {(["engineer", "admin", "auditor"] as const).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        {role === "auditor" && (
          <Field
            label="Access until (last day)"
            name="expires"
            type="date"
            required
            errors={state.errors?.expires}
            values={state.values}
            hint="After this day the auditor can no longer sign in."
          />
        )}
        <div className="md:col-span-3 flex flex-col gap-3">
          <FormStatus state={state} testId="add-user-status" />
          <div>
            <SubmitButton pending={pending}>Invite user</SubmitButton>
          </div>
          <p className="text-xs text-slate-500">
            They get a one-time link to choose their own password; you never see it.
          </p>
        </div>
      </form>
      {state.issued && <IssuedLink key={state.issued.link} issued={state.issued} />}
    </div>
  );
}
