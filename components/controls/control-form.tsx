"use client";
import { useActionState, useState } from "react";
import { createControlAction, updateControlAction } from "@/lib/actions/control-actions";
import { Field, FormStatus, SubmitButton, OwnerSelect } from "@/components/ui/form";
import { IMPLEMENTATION_LABEL } from "@/lib/controls/labels";
import { FREQUENCIES, FREQUENCY_LABEL, type Frequency } from "@/lib/coverage/frequency";
import { CriteriaPicker, type CriterionOption } from "./criteria-picker";

export interface ControlFormValues {
  id?: string;
  title: string;
  description: string;
  ownerId: string | null;
  implementation: string;
  naJustification: string | null;
  frequency: Frequency | null;
  locations: string[];
  criteria: string[];
}

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export function ControlForm({
  initial,
  owners,
  criteria,
  derivedFrequency,
}: {
  initial: ControlFormValues;
  /** What the control is held to while no frequency is chosen (derived from its evidence). */
  derivedFrequency?: Frequency;
  owners: { id: string; name: string }[];
  criteria: CriterionOption[];
}) {
  const [state, action, pending] = useActionState(
    initial.id ? updateControlAction : createControlAction,
    {},
  );
  const [implementation, setImplementation] = useState(initial.implementation);
  const v = state.values;
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="control-form">
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <Field
        label="Title"
        name="title"
        required
        defaultValue={v?.title ?? initial.title}
        errors={state.errors?.title}
      />
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Description</span>
        <textarea
          name="description"
          rows={3}
          defaultValue={v?.description ?? initial.description}
          className={box}
        />
      </label>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <OwnerSelect
          owners={owners}
          defaultValue={v?.ownerId ?? initial.ownerId ?? ""}
          testId="owner-select"
        />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Implementation status</span>
          <select
            name="implementation"
            value={implementation}
            onChange={(e) => setImplementation(e.target.value)}
            className={box}
            data-testid="implementation-select"
          >
            {Object.entries(IMPLEMENTATION_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">How often it operates</span>
        <select
          name="frequency"
          defaultValue={v?.frequency ?? initial.frequency ?? ""}
          className={box}
          data-testid="frequency-select"
        >
          <option value="">
            Derived from its evidence
            {derivedFrequency ? ` (now: ${FREQUENCY_LABEL[derivedFrequency].toLowerCase()})` : ""}
          </option>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_LABEL[f]}
            </option>
          ))}
        </select>
        {state.errors?.frequency && (
          <span className="text-red-700">{state.errors.frequency.join(" ")}</span>
        )}
      </label>
      {implementation === "not_applicable" && (
        <Field
          label="Why it does not apply"
          name="naJustification"
          required
          defaultValue={v?.naJustification ?? initial.naJustification ?? ""}
          errors={state.errors?.naJustification}
        />
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">
          Locations (one per line: code paths, config keys, documents)
        </span>
        <textarea
          name="locations"
          rows={3}
          defaultValue={v?.locations ?? initial.locations.join("\n")}
          className={`${box} font-mono`}
          data-testid="locations"
        />
      </label>
      <CriteriaPicker
        options={criteria}
        selected={initial.criteria}
        errors={state.errors?.criteria}
      />
      <FormStatus state={state} testId="control-status" />
      <div>
        <SubmitButton pending={pending}>
          {initial.id ? "Save control" : "Create control"}
        </SubmitButton>
      </div>
    </form>
  );
}
