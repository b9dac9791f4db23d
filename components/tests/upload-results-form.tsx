"use client";
import { useActionState } from "react";
import { uploadTestResultsAction } from "@/lib/actions/test-result-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function UploadResultsForm() {
  const [state, action, pending] = useActionState(uploadTestResultsAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="upload-results">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">JUnit XML or CTRF JSON</span>
        <input
          type="file"
          name="file"
          accept=".xml,.json,application/xml,application/json,text/xml"
          required
          aria-invalid={state.errors?.file ? true : undefined}
          data-testid="results-file"
        />
        {state.errors?.file && (
          <span className="text-xs text-red-700">{state.errors.file.join(" ")}</span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Source (optional)</span>
        <input
          name="source"
          placeholder="e.g. backend CI"
          className="rounded-md border border-slate-300 px-3 py-1.5"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Commit (optional)</span>
        <input name="commit" className="rounded-md border border-slate-300 px-3 py-1.5 font-mono" />
      </label>
      <SubmitButton pending={pending}>Upload results</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} testId="upload-status" />
      </div>
    </form>
  );
}
