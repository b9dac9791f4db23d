"use client";
import { useActionState } from "react";
import { createBacklogItemAction, updateBacklogItemAction } from "@/lib/actions/backlog-actions";
import {
  Field,
  FormStatus,
  SubmitButton,
  keepFieldsOnSubmit,
  OwnerSelect,
} from "@/components/ui/form";
import { CriteriaPicker, type CriterionOption } from "@/components/controls/criteria-picker";
import {
  IMPACT_OPTIONS,
  LIKELIHOOD_LABEL,
  LIKELIHOOD_OPTIONS,
  type Risk,
} from "@/lib/backlog/schemas";
import { PriorityOptions } from "./priority-badge";

export interface BacklogFormValues {
  id?: string;
  key: string;
  title: string;
  description: string;
  priority: string;
  ownerId: string | null;
  dueDate: string;
  controls: string[];
  criteria: string[];
  riskBefore: Risk | null;
  riskAfter: Risk | null;
}

const box = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function RiskFields({
  prefix,
  label,
  value,
  values,
  errors,
}: {
  prefix: "riskBefore" | "riskAfter";
  label: string;
  value: Risk | null;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
}) {
  const riskError = errors?.[`${prefix}Likelihood`];
  return (
    <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{label}</legend>
      <Field
        id={`${prefix}-risk`}
        label="Risk"
        name={`${prefix}Risk`}
        defaultValue={values?.[`${prefix}Risk`] ?? value?.risk ?? ""}
      />
      <div className="grid grid-cols-3 gap-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-700">Likelihood</span>
          <select
            name={`${prefix}Likelihood`}
            defaultValue={values?.[`${prefix}Likelihood`] ?? value?.likelihood ?? ""}
            className={box}
            data-testid={`${prefix}-likelihood`}
          >
            <option value="">—</option>
            {LIKELIHOOD_OPTIONS.map((o) => (
              <option key={o} value={o}>
                {LIKELIHOOD_LABEL[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-700">Impact</span>
          <select
            name={`${prefix}Impact`}
            defaultValue={values?.[`${prefix}Impact`] ?? value?.impact ?? ""}
            className={box}
            data-testid={`${prefix}-impact`}
          >
            <option value="">—</option>
            {IMPACT_OPTIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <Field
          id={`${prefix}-cvss`}
          label="CVSS"
          name={`${prefix}Cvss`}
          inputMode="decimal"
          defaultValue={values?.[`${prefix}Cvss`] ?? (value?.cvss ?? "").toString()}
          errors={errors?.[`${prefix}Cvss`]}
        />
      </div>
      {riskError && <p className="text-xs text-red-700">{riskError.join(" ")}</p>}
    </fieldset>
  );
}

export function BacklogForm({
  initial,
  owners,
  controls,
  criteria,
}: {
  initial: BacklogFormValues;
  owners: { id: string; name: string }[];
  controls: CriterionOption[];
  criteria: CriterionOption[];
}) {
  const [state, action, pending] = useActionState(
    initial.id ? updateBacklogItemAction : createBacklogItemAction,
    {},
  );
  const v = state.values;
  return (
    <form
      action={action}
      onSubmit={keepFieldsOnSubmit(action)}
      className="flex flex-col gap-4"
      data-testid="backlog-form"
    >
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-[10rem_1fr]">
        <Field
          label="Key"
          name="key"
          placeholder="generated"
          hint={initial.id ? undefined : "Leave empty for the next BL number"}
          defaultValue={v?.key ?? initial.key}
          errors={state.errors?.key}
        />
        <Field
          label="Title"
          name="title"
          required
          defaultValue={v?.title ?? initial.title}
          errors={state.errors?.title}
        />
      </div>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Description</span>
        <textarea
          name="description"
          rows={4}
          defaultValue={v?.description ?? initial.description}
          className={box}
        />
      </label>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Priority</span>
          <select
            name="priority"
            defaultValue={v?.priority ?? initial.priority}
            className={box}
            data-testid="backlog-priority"
          >
            <PriorityOptions />
          </select>
        </label>
        <OwnerSelect
          owners={owners}
          defaultValue={v?.ownerId ?? initial.ownerId ?? ""}
          testId="backlog-owner"
        />
        <Field
          label="Due date"
          name="dueDate"
          type="date"
          defaultValue={v?.dueDate ?? initial.dueDate}
          errors={state.errors?.dueDate}
        />
      </div>
      <CriteriaPicker
        name="controls"
        legend="Controls it holds back"
        options={controls}
        selected={initial.controls}
        errors={state.errors?.controls}
      />
      <CriteriaPicker
        legend="Criteria it holds back directly"
        options={criteria}
        selected={initial.criteria}
        errors={state.errors?.criteria}
      />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <RiskFields
          prefix="riskBefore"
          label="Risk before the fix"
          value={initial.riskBefore}
          values={v}
          errors={state.errors}
        />
        <RiskFields
          prefix="riskAfter"
          label="Risk after the fix"
          value={initial.riskAfter}
          values={v}
          errors={state.errors}
        />
      </div>
      {!initial.id && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">
            Verification checklist (one check per line)
          </span>
          <textarea
            name="checklist"
            rows={3}
            defaultValue={v?.checklist ?? ""}
            className={box}
            data-testid="backlog-checklist"
          />
        </label>
      )}
      <FormStatus state={state} testId="backlog-form-status" />
      <div>
        <SubmitButton pending={pending}>{initial.id ? "Save item" : "Create item"}</SubmitButton>
      </div>
    </form>
  );
}
