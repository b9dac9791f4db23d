"use client";
import { useActionState } from "react";
import { createPhaseAction, updatePhaseAction } from "@/lib/actions/phase-actions";
import {
  Field,
  FormStatus,
  SubmitButton,
  keepFieldsOnSubmit,
  OwnerSelect,
} from "@/components/ui/form";
import { PHASE_STATUS_LABEL } from "@/lib/phases/phase-status";

const PROGRESS = ["pending", "in_progress", "complete"] as const;

export interface PhaseFormValues {
  id?: string;
  number: number | "";
  title: string;
  goal: string;
  progress: string;
  ownerId: string | null;
  nextSteps: string[];
  requirements: { code: string; description: string; criteria: string[] }[];
}

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function Area({
  label,
  name,
  value,
  rows = 3,
  hint,
  errors,
  mono,
}: {
  label: string;
  name: string;
  value: string;
  rows?: number;
  hint?: string;
  errors?: string[];
  mono?: boolean;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <textarea
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={errors?.length ? true : undefined}
        className={`${box} ${mono ? "font-mono" : ""}`}
        data-testid={`phase-${name}`}
      />
      {hint && <span className="text-xs text-slate-500">{hint}</span>}
      {errors?.length ? <span className="text-xs text-red-700">{errors.join(" ")}</span> : null}
    </label>
  );
}

export function PhaseForm({
  initial,
  owners,
}: {
  initial: PhaseFormValues;
  owners: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(
    initial.id ? updatePhaseAction : createPhaseAction,
    {},
  );
  const v = state.values;
  const reqText = initial.requirements
    .map((r) => `${r.code} | ${r.description} | ${r.criteria.join(", ")}`)
    .join("\n");
  return (
    <form
      action={action}
      onSubmit={keepFieldsOnSubmit(action)}
      className="flex flex-col gap-4"
      data-testid="phase-form"
    >
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[8rem_1fr]">
        <Field
          label="Number"
          name="number"
          type="number"
          min={0}
          required
          defaultValue={v?.number ?? String(initial.number)}
          errors={state.errors?.number}
        />
        <Field
          label="Title"
          name="title"
          required
          defaultValue={v?.title ?? initial.title}
          errors={state.errors?.title}
        />
      </div>
      <Area label="Goal" name="goal" value={v?.goal ?? initial.goal} rows={2} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Progress (declared by the owner)</span>
          <select
            name="progress"
            defaultValue={v?.progress ?? initial.progress}
            className={box}
            data-testid="phase-progress"
          >
            {PROGRESS.map((p) => (
              <option key={p} value={p}>
                {PHASE_STATUS_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <OwnerSelect
          owners={owners}
          defaultValue={v?.ownerId ?? initial.ownerId ?? ""}
          testId="phase-owner"
        />
      </div>
      <Area
        label="Next steps (one per line)"
        name="nextSteps"
        value={v?.nextSteps ?? initial.nextSteps.join("\n")}
      />
      <Area
        label="Requirements it delivers (one per line: ID | description | criteria)"
        name="requirements"
        value={v?.requirements ?? reqText}
        hint="For example: TENANT-01 | Tenants table | CC6.1"
        errors={state.errors?.requirements}
        mono
      />
      <FormStatus state={state} testId="phase-form-status" />
      <div>
        <SubmitButton pending={pending}>{initial.id ? "Save phase" : "Create phase"}</SubmitButton>
      </div>
    </form>
  );
}
