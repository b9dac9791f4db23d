"use client";
import { useActionState } from "react";
import { setPhaseItemEvidenceAction } from "@/lib/actions/phase-actions";
import { FormStatus } from "@/components/ui/form";
import { EvidenceSelect, type EvidenceOption } from "./evidence-select";

export function ItemEvidenceForm({
  itemId,
  testKey,
  current,
  options,
}: {
  itemId: string;
  testKey: string;
  current: string | null;
  options: EvidenceOption[];
}) {
  const [state, action, pending] = useActionState(setPhaseItemEvidenceAction, {});
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-indigo-700">
        {current ? "Change evidence" : "Link evidence"}
      </summary>
      <form action={action} className="mt-1 flex items-end gap-2">
        <input type="hidden" name="itemId" value={itemId} />
        <EvidenceSelect
          id={`evidence-${testKey}`}
          options={options}
          value={current}
          label="Evidence"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-xs font-medium hover:bg-slate-100"
        >
          Save
        </button>
      </form>
      <FormStatus state={state} testId={`evidence-status-${testKey}`} />
    </details>
  );
}
