"use client";
import { useActionState, useEffect, useState } from "react";
import { pullProgressAction, pullSourceAction, sourceAction } from "@/lib/actions/audit-actions";
import { Field, FormStatus } from "@/components/ui/form";

export interface SourceRow {
  id: string;
  name: string;
  tableName: string;
  cursor: string | null;
  lastPulledAt: string | null;
  lastResult: string | null;
}

function Pull({ id }: { id: string }) {
  const [state, action, pending] = useActionState(pullSourceAction, {});
  const [progress, setProgress] = useState<number | null>(null);
  useEffect(() => {
    if (!pending) return;
    const form = new FormData();
    form.set("id", id);
    const timer = setInterval(
      async () => setProgress((await pullProgressAction({}, form)).progress?.rows ?? null),
      1000,
    );
    return () => clearInterval(timer);
  }, [pending, id]);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <div className="flex items-center gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
        >
          {pending ? "Pulling…" : "Pull now"}
        </button>
        {pending && (
          <span aria-live="polite" className="text-xs text-slate-600">
            {progress === null ? "connecting…" : `${progress.toLocaleString()} events so far`}
          </span>
        )}
      </div>
      <FormStatus state={state} />
    </form>
  );
}

const COLUMNS = [
  ["col_time", "Time column", "created_at", true],
  ["col_action", "Action column", "action", true],
  ["col_actor", "Actor column", "user_email", false],
  ["col_organisation", "Organisation column", "organization_id", false],
  ["col_ip", "IP column", "ip_address", false],
  ["col_outcome", "Outcome column", "", false],
  ["col_target", "Target column", "", false],
] as const;

export function SourcesSection({
  sources,
  canConfigure,
  canPull,
}: {
  sources: SourceRow[];
  canConfigure: boolean;
  canPull: boolean;
}) {
  const [state, action, pending] = useActionState(sourceAction, {});
  const v = state.values;
  const e = state.errors;
  return (
    <div className="flex flex-col gap-4 text-sm">
      {sources.length === 0 && <p className="text-slate-600">No PostgreSQL sources yet.</p>}
      {sources.map((s) => (
        <div
          key={s.id}
          className="rounded-md border border-slate-200 p-3"
          data-testid="audit-source"
        >
          <p className="font-medium">
            {s.name} <code className="text-xs text-slate-600">{s.tableName}</code>{" "}
            <span className="text-xs text-slate-500">cursor {s.cursor ?? "not started"}</span>
          </p>
          <p className="text-xs text-slate-600">
            {s.lastPulledAt ? `Last pulled ${s.lastPulledAt}: ${s.lastResult}` : "Never pulled."}
          </p>
          {canPull && <Pull id={s.id} />}
        </div>
      ))}
      {canConfigure && (
        <details>
          <summary className="cursor-pointer font-medium">Add a PostgreSQL source</summary>
          <form action={action} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
            <Field id="src-name" label="Name" name="name" required values={v} errors={e?.name} />
            <Field
              id="src-url"
              label="Connection string (read-only user)"
              name="url"
              type="password"
              required
              placeholder="postgresql://reader:…@db:5432/app"
              hint="Encrypted at rest and never shown again."
              errors={e?.url}
            />
            <Field
              id="src-table"
              label="Table"
              name="tableName"
              required
              placeholder="public.core_auditlog"
              values={v}
              errors={e?.tableName}
            />
            <Field
              id="src-cursor"
              label="Cursor column (increasing)"
              name="cursorColumn"
              required
              defaultValue={v?.cursorColumn ?? "id"}
              errors={e?.cursorColumn}
            />
            {COLUMNS.map(([name, label, placeholder, required]) => (
              <Field
                key={name}
                id={`src-${name}`}
                label={label}
                name={name}
                required={required}
                placeholder={placeholder}
                values={v}
                errors={e?.[name]}
              />
            ))}
            <div className="flex gap-2 md:col-span-3">
              <button
                type="submit"
                name="intent"
                value="test"
                disabled={pending}
                className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100"
              >
                Test connection
              </button>
              <button
                type="submit"
                name="intent"
                value="save"
                disabled={pending}
                className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white"
              >
                Save source
              </button>
            </div>
            <div className="md:col-span-3">
              <FormStatus state={state} testId="source-status" />
            </div>
          </form>
        </details>
      )}
    </div>
  );
}
