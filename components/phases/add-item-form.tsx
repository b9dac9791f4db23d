"use client";
import { useActionState } from "react";
import { addMustHaveAction, addPhaseItemAction } from "@/lib/actions/phase-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { EvidenceSelect, type EvidenceOption } from "./evidence-select";

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function AddItemForm({
  phaseId,
  evidence,
}: {
  phaseId: string;
  evidence: EvidenceOption[];
}) {
  const [state, action, pending] = useActionState(addPhaseItemAction, {});
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-indigo-700">Add a checklist item</summary>
      <form action={action} className="mt-2 flex flex-col gap-3" data-testid="add-item-form">
        <input type="hidden" name="phaseId" value={phaseId} />
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">List</span>
          <select name="kind" className={box} defaultValue="deliverable">
            <option value="deliverable">Deliverable</option>
            <option value="ordering">Ordering constraint</option>
            <option value="testing">Testing checklist</option>
          </select>
        </label>
        <Field id="item-text" label="Item" name="text" required errors={state.errors?.text} />
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Details</span>
          <textarea name="detail" rows={2} className={box} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">
            Files (one per line: created: path — note, or modified: path — note)
          </span>
          <textarea name="files" rows={2} className={`${box} font-mono`} />
        </label>
        <EvidenceSelect id="item-evidence" options={evidence} />
        <FormStatus state={state} testId="add-item-status" />
        <div>
          <SubmitButton pending={pending}>Add item</SubmitButton>
        </div>
      </form>
    </details>
  );
}

export function AddMustHaveForm({ phaseId }: { phaseId: string }) {
  const [state, action, pending] = useActionState(addMustHaveAction, {});
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-indigo-700">Add a must-have</summary>
      <form action={action} className="mt-2 flex flex-col gap-3" data-testid="add-must-have-form">
        <input type="hidden" name="phaseId" value={phaseId} />
        <Field
          id="must-have-truth"
          label="Observable truth"
          name="truth"
          required
          errors={state.errors?.truth}
        />
        <Field
          id="must-have-reqs"
          label="Requirement ids it proves (optional)"
          name="requirements"
          hint="Space or comma separated, e.g. TENANT-04 TENANT-05"
          errors={state.errors?.requirements}
        />
        <FormStatus state={state} testId="add-must-have-status" />
        <div>
          <SubmitButton pending={pending}>Add must-have</SubmitButton>
        </div>
      </form>
    </details>
  );
}
