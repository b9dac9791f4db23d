"use client";
import { useActionState, useState } from "react";
import { mustHaveToBacklogAction, verifyMustHaveAction } from "@/lib/actions/phase-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { EvidenceSelect, type EvidenceOption } from "./evidence-select";

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function VerifyForm({
  mustHaveId,
  position,
  current,
  evidence,
}: {
  mustHaveId: string;
  position: number;
  current: {
    verdict: string;
    reason: string;
    observation: string;
    missing: string[];
    evidenceId: string | null;
  };
  evidence: EvidenceOption[];
}) {
  const [state, action, pending] = useActionState(verifyMustHaveAction, {});
  const [verdict, setVerdict] = useState(
    current.verdict === "pending" ? "verified" : current.verdict,
  );
  const id = (f: string) => `mh-${position}-${f}`;
  return (
    <details className="mt-2 text-sm">
      <summary
        className="cursor-pointer font-medium text-indigo-700"
        data-testid={`verify-open-${position}`}
      >
        Record verification
      </summary>
      <form
        action={action}
        className="mt-2 flex flex-col gap-3"
        data-testid={`verify-form-${position}`}
      >
        <input type="hidden" name="mustHaveId" value={mustHaveId} />
        <fieldset className="flex gap-4">
          <legend className="mb-1 font-medium text-slate-700">Verdict</legend>
          {(["verified", "partial", "failed"] as const).map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input
                type="radio"
                name="verdict"
                value={v}
                defaultChecked={(state.values?.verdict ?? verdict) === v}
                onChange={() => setVerdict(v)}
                data-testid={`verdict-${position}-${v}`}
              />
              {v.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <Field
          id={id("reason")}
          label={verdict === "verified" ? "Reason (optional)" : "Reason (required)"}
          name="reason"
          defaultValue={state.values?.reason ?? current.reason}
          errors={state.errors?.reason}
        />
        <label htmlFor={id("observation")} className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">What you observed</span>
          <textarea
            id={id("observation")}
            name="observation"
            rows={2}
            defaultValue={state.values?.observation ?? current.observation}
            className={box}
          />
        </label>
        {verdict !== "verified" && (
          <label htmlFor={id("missing")} className="flex flex-col gap-1">
            <span className="font-medium text-slate-700">What is missing (one per line)</span>
            <textarea
              id={id("missing")}
              name="missing"
              rows={2}
              defaultValue={state.values?.missing ?? current.missing.join("\n")}
              className={box}
            />
          </label>
        )}
        <EvidenceSelect
          id={id("evidence")}
          options={evidence}
          value={state.values?.evidenceId ?? current.evidenceId}
        />
        <FormStatus state={state} testId={`verify-status-${position}`} />
        <div>
          <SubmitButton pending={pending} data-testid={`verify-submit-${position}`}>
            Save verdict
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}

export function ToBacklogButton({
  mustHaveId,
  position,
}: {
  mustHaveId: string;
  position: number;
}) {
  const [state, action, pending] = useActionState(mustHaveToBacklogAction, {});
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="mustHaveId" value={mustHaveId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-300 bg-white px-3 py-1 text-xs font-medium text-red-800 hover:bg-red-50"
        data-testid={`to-backlog-${position}`}
      >
        {pending ? "Creating…" : "Track as a backlog item"}
      </button>
      <FormStatus state={state} testId={`to-backlog-status-${position}`} />
    </form>
  );
}
