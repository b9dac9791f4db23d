"use client";
import { useActionState } from "react";
import { addDirectoryAction, pullDirectoryAction } from "@/lib/actions/test-result-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export interface DirectoryRow {
  id: string;
  name: string;
  path: string;
  lastPulledAt: string | null;
  lastResult: string | null;
}

function Pull({ id }: { id: string }) {
  const [state, action, pending] = useActionState(pullDirectoryAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
          data-testid="pull-now"
        >
          {pending ? "Pulling… (files are ingested one by one)" : "Pull now"}
        </button>
      </div>
      <FormStatus state={state} testId="pull-status" />
    </form>
  );
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
        <div
          key={d.id}
          className="rounded-md border border-slate-200 p-3"
          data-testid="result-directory"
        >
          <p className="font-medium">
            {d.name} <code className="text-xs text-slate-600">{d.path}</code>
          </p>
          <p className="text-xs text-slate-600">
            {d.lastPulledAt ? `Last pulled ${d.lastPulledAt}: ${d.lastResult}` : "Never pulled."}
          </p>
          {canPull && <Pull id={d.id} />}
        </div>
      ))}
      {canConfigure && roots.length > 0 && (
        <form action={action} className="flex flex-wrap items-end gap-3">
          <Field
            id="dir-name"
            label="Name"
            name="name"
            required
            values={state.values}
            errors={state.errors?.name}
          />
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
