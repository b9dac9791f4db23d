"use client";
// The PostgreSQL audit-log sources: pull now (with progress), and add one after a connection test.
import { useActionState, useEffect, useState } from "react";
import { pullProgressAction, pullSourceAction, sourceAction } from "@/lib/actions/audit-actions";
import { AddConnectionForm } from "@/components/connections/add-connection-form";
import { ConnectionCard, lastRunText } from "@/components/connections/connection-card";
import { ConnectionNameField } from "@/components/connections/connection-name-field";
import { RunNowForm } from "@/components/connections/run-now-form";
import { Field } from "@/components/ui/form";

export interface SourceRow {
  id: string;
  name: string;
  tableName: string;
  cursor: string | null;
  lastPulledAt: string | null;
  lastResult: string | null;
}

/** While a pull runs, how many events it has read so far (the pull itself answers only at the end). */
function PullProgress({ id, pending }: { id: string; pending: boolean }) {
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
  if (!pending) return null;
  return (
    <span aria-live="polite" className="text-xs text-slate-600">
      {progress === null ? "connecting…" : `${progress.toLocaleString()} events so far`}
    </span>
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
        <ConnectionCard
          key={s.id}
          testId="audit-source"
          title={
            <>
              {s.name} <code className="text-xs text-slate-600">{s.tableName}</code>{" "}
              <span className="text-xs text-slate-500">cursor {s.cursor ?? "not started"}</span>
            </>
          }
          status={lastRunText("pulled", s.lastPulledAt, s.lastResult)}
          actions={
            canPull && (
              <RunNowForm
                id={s.id}
                action={pullSourceAction}
                label="Pull now"
                pendingLabel="Pulling…"
                beside={(pending) => <PullProgress id={s.id} pending={pending} />}
              />
            )
          }
        />
      ))}
      {canConfigure && (
        <AddConnectionForm
          summary="Add a PostgreSQL source"
          action={action}
          state={state}
          statusTestId="source-status"
          buttons={
            <>
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
            </>
          }
        >
          <ConnectionNameField id="src-name" state={state} />
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
        </AddConnectionForm>
      )}
    </div>
  );
}
