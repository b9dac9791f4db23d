"use client";
import { useActionState, useState } from "react";
import { changeAccessAction, setActiveAction } from "@/lib/actions/user-actions";
import { FormStatus } from "@/components/ui/form";
import type { Role } from "@/lib/generated/prisma/enums";

const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

export function UserAccessForm({
  id,
  role,
  lastDay,
}: {
  id: string;
  role: Role;
  lastDay: string | null;
}) {
  const [state, action, pending] = useActionState(changeAccessAction, {});
  const [current, setCurrent] = useState<Role>(role);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="access-form">
      <input type="hidden" name="id" value={id} />
      <select
        name="role"
        value={current}
        onChange={(e) => setCurrent(e.target.value as Role)}
        aria-label="Role"
        className={small}
        data-testid="role-select"
      >
        <option value="admin">admin</option>
        <option value="engineer">engineer</option>
        <option value="auditor">auditor</option>
      </select>
      {current === "auditor" && (
        <input
          type="date"
          name="expires"
          defaultValue={lastDay ?? ""}
          aria-label="Access until"
          className={small}
          required
          data-testid="expires-input"
        />
      )}
      <button
        type="submit"
        disabled={pending}
        className={`${small} font-medium hover:bg-slate-100`}
      >
        Save
      </button>
      <FormStatus state={state} testId="access-status" />
    </form>
  );
}

export function UserActiveToggle({
  id,
  email,
  active,
}: {
  id: string;
  email: string;
  active: boolean;
}) {
  const [state, action, pending] = useActionState(setActiveAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (
          active &&
          !window.confirm(
            `Deactivate ${email}? They will be signed out and cannot sign in until reactivated.`,
          )
        )
          e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className={`${small} ${active ? "text-red-700" : "text-emerald-700"} hover:bg-slate-100`}
        data-testid="toggle-active"
      >
        {active ? "Deactivate" : "Reactivate"}
      </button>
      <FormStatus state={state} testId="active-status" />
    </form>
  );
}
