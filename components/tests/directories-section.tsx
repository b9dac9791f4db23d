"use client";
// The server directories test results are pulled from: pull now, and add one inside the allowed roots.
import { useActionState } from "react";
import { addDirectoryAction, pullDirectoryAction } from "@/lib/actions/test-result-actions";
import { ConnectionCard, lastRunText } from "@/components/connections/connection-card";
import { ConnectionNameField } from "@/components/connections/connection-name-field";
import { RunNowForm } from "@/components/connections/run-now-form";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export interface DirectoryRow {
  id: string;
  name: string;
  path: string;
  lastPulledAt: string | null;
  lastResult: string | null;
}

export function DirectoriesSection({
  directories,
  roots,
  canConfigure,
  canPull,
}: {
  directories: DirectoryRow[];
  roots: string[];
  /** May add directories (results.configure). */
  canConfigure: boolean;
  /** May pull them now (results.pull). */
  canPull: boolean;
}) {
  const [state, action, pending] = useActionState(addDirectoryAction, {});
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p className="text-slate-600">
        {roots.length
          ? `Allowed roots: ${roots.join(", ")}. Files (*.xml, *.json) are pulled on a schedule and on demand; files already ingested are recognised.`
          : "No result roots configured (TRUSTBOARD_RESULTS_ROOTS): directory pulls are off."}
      </p>
      {directories.map((d) => (
        <ConnectionCard
          key={d.id}
          testId="result-directory"
          title={
            <>
              {d.name} <code className="text-xs text-slate-600">{d.path}</code>
            </>
          }
          status={lastRunText("pulled", d.lastPulledAt, d.lastResult)}
          actions={
            canPull && (
              <RunNowForm
                id={d.id}
                action={pullDirectoryAction}
                label="Pull now"
                pendingLabel="Pulling… (files are ingested one by one)"
                buttonTestId="pull-now"
                statusTestId="pull-status"
              />
            )
          }
        />
      ))}
      {canConfigure && roots.length > 0 && (
        <form action={action} className="flex flex-wrap items-end gap-3">
          <ConnectionNameField id="dir-name" state={state} />
          <Field
            id="dir-path"
            label="Directory on the server"
            name="path"
            required
            values={state.values}
            errors={state.errors?.path}
          />
          <SubmitButton pending={pending}>Add directory</SubmitButton>
          <div className="basis-full">
            <FormStatus state={state} />
          </div>
        </form>
      )}
    </div>
  );
}
