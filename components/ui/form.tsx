// Small form primitives shared by every form: labelled fields with their errors and a
// status line that screen readers announce.
import { startTransition } from "react";
import type { ActionState } from "@/lib/actions/safe-action";

export function Field({
  label,
  name,
  errors,
  hint,
  values,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
  values?: Record<string, string>;
}) {
  const id = input.id ?? `f-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-err` : undefined}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-500"
        defaultValue={values?.[name]}
        {...input}
      />
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {errors?.length ? (
        <p id={`${id}-err`} className="text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormStatus({
  state,
  testId = "form-status",
}: {
  state: ActionState;
  testId?: string;
}) {
  if (!state.message) return null;
  return (
    <p
      role="status"
      data-testid={testId}
      data-ok={state.ok ? "true" : "false"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

export function SubmitButton({
  pending,
  children,
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
      {...rest}
    >
      {pending ? "Working…" : children}
    </button>
  );
}

/**
 * onSubmit for long forms: runs the action without React's reset after it, so a refused
 * submission keeps every field as the user left it (selects and checkboxes included).
 */
export function keepFieldsOnSubmit(action: (data: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
}

export function OwnerSelect({
  owners,
  defaultValue,
  testId,
  label = "Owner",
  name = "ownerId",
  emptyLabel = "No owner",
}: {
  owners: { id: string; name: string }[];
  defaultValue: string;
  testId: string;
  label?: string;
  name?: string;
  emptyLabel?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select
        name={name}
        defaultValue={defaultValue}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        data-testid={testId}
      >
        <option value="">{emptyLabel}</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
