"use client";
import { useActionState, useState } from "react";
import { keptSubmit } from "./kept-submit";
import { createEvidenceAction, type UploadState } from "@/lib/actions/evidence-actions";
import { Field, FormStatus } from "@/components/ui/form";
import { isoDay } from "@/lib/dates";
import { FileDrop } from "./file-drop";
import { SecretDecision } from "./secret-decision";

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function EvidenceForm({
  controls,
  presetControl,
}: {
  controls: { id: string; label: string }[];
  presetControl?: string;
}) {
  const [state, action, pending] = useActionState<UploadState, FormData>(createEvidenceAction, {});
  const [kind, setKind] = useState("file");
  const [clientError, setClientError] = useState<string | null>(null);
  const v = state.values;
  return (
    <form
      onSubmit={keptSubmit(action, clientError !== null)}
      className="flex flex-col gap-4"
      data-testid="evidence-form"
    >
      <Field
        label="Title"
        name="title"
        required
        defaultValue={v?.title}
        errors={state.errors?.title}
      />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Kind</legend>
        {(["file", "link", "note"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              data-testid={`kind-${k}`}
            />{" "}
            {k}
          </label>
        ))}
      </fieldset>
      {kind === "file" && <FileDrop onError={setClientError} />}
      {kind === "link" && (
        <Field
          label="Link"
          name="url"
          type="url"
          required
          defaultValue={v?.url}
          errors={state.errors?.url}
        />
      )}
      {kind === "note" && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Note</span>
          <textarea name="body" rows={5} defaultValue={v?.body} className={box} required />
          {state.errors?.body && (
            <span className="text-xs text-red-700">{state.errors.body.join(" ")}</span>
          )}
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Description</span>
        <textarea name="description" rows={2} defaultValue={v?.description} className={box} />
      </label>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Field
          label="Evidence date (when it happened)"
          name="evidenceDate"
          type="date"
          required
          defaultValue={v?.evidenceDate ?? isoDay(new Date())}
          errors={state.errors?.evidenceDate}
        />
        <Field
          label="Covers from (optional)"
          name="periodStart"
          type="date"
          defaultValue={v?.periodStart}
          errors={state.errors?.periodStart}
        />
        <Field
          label="Covers to (optional)"
          name="periodEnd"
          type="date"
          defaultValue={v?.periodEnd}
          errors={state.errors?.periodEnd}
        />
        <Field
          label="Expires on (optional)"
          name="expiresOn"
          type="date"
          defaultValue={v?.expiresOn}
          errors={state.errors?.expiresOn}
        />
        <Field
          label="Or renew every N days"
          name="renewalDays"
          type="number"
          min={1}
          max={3650}
          defaultValue={v?.renewalDays}
          errors={state.errors?.renewalDays}
        />
      </div>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Controls it proves</span>
        <select
          name="controls"
          multiple
          defaultValue={presetControl ? [presetControl] : []}
          className={`${box} h-32`}
          data-testid="evidence-controls"
        >
          {controls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-500">Hold Ctrl (⌘ on Mac) to choose several.</span>
      </label>
      {clientError && (
        <p
          role="status"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
          data-testid="client-error"
        >
          {clientError}
        </p>
      )}
      {state.findings && state.findings.length > 0 ? (
        <SecretDecision findings={state.findings} />
      ) : (
        <FormStatus state={state} testId="evidence-status" />
      )}
      {state.findings && <p className="text-sm text-slate-700">{state.message}</p>}
      <div className="flex gap-2">
        <button
          type="submit"
          name="submit"
          value="review"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
          data-testid="submit-evidence"
        >
          {pending ? "Uploading…" : "Add and submit for review"}
        </button>
        <button
          type="submit"
          name="submit"
          value="draft"
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm"
        >
          Save as draft
        </button>
      </div>
    </form>
  );
}
