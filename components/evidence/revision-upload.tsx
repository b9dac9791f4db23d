"use client";
import { useActionState, useState } from "react";
import { keptSubmit } from "./kept-submit";
import { addRevisionAction, type UploadState } from "@/lib/actions/evidence-actions";
import { FormStatus } from "@/components/ui/form";
import { FileDrop } from "./file-drop";
import { SecretDecision } from "./secret-decision";

export function RevisionUpload({ id }: { id: string }) {
  const [state, action, pending] = useActionState<UploadState, FormData>(addRevisionAction, {});
  const [clientError, setClientError] = useState<string | null>(null);
  return (
    <form
      onSubmit={keptSubmit(action, clientError !== null)}
      className="flex flex-col gap-3"
      data-testid="revision-form"
    >
      <input type="hidden" name="id" value={id} />
      <FileDrop onError={setClientError} />
      {clientError && <p className="text-sm text-red-800">{clientError}</p>}
      {state.findings?.length ? (
        <SecretDecision findings={state.findings} />
      ) : (
        <FormStatus state={state} testId="revision-status" />
      )}
      {state.duplicate && (
        <p className="text-sm text-amber-800" data-testid="duplicate-note">
          {state.duplicate}
        </p>
      )}
      <div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Uploading…" : "Upload new revision"}
        </button>
      </div>
    </form>
  );
}
