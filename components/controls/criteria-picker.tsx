"use client";
import { useState } from "react";

export interface CriterionOption {
  id: string;
  title: string;
  /** Shown in bold instead of the id (controls show their ref, not their uuid). */
  label?: string;
}

// Checkboxes rather than <select multiple>: readable, filterable and keyboard-friendly.
export function CriteriaPicker({
  options,
  selected,
  errors,
  legend = "Criteria this control satisfies",
  name = "criteria",
}: {
  options: CriterionOption[];
  selected: string[];
  errors?: string[];
  legend?: string;
  name?: string;
}) {
  const [filter, setFilter] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set(selected));
  const q = filter.trim().toLowerCase();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-slate-700">
        {legend} ({chosen.size} chosen)
      </legend>
      <input
        type="search"
        placeholder={`Filter ${name}…`}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        aria-label={`Filter ${name}`}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        data-testid={`${name}-filter`}
      />
      <div className="grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 md:grid-cols-2">
        {options.map((o) => {
          const hidden = q !== "" && !`${o.label ?? o.id} ${o.title}`.toLowerCase().includes(q);
          return (
            <label
              key={o.id}
              className={`flex items-start gap-2 text-sm ${hidden ? "hidden" : ""}`}
            >
              <input
                type="checkbox"
                name={name}
                value={o.id}
                checked={chosen.has(o.id)}
                data-testid={
                  name === "criteria" ? `criterion-${o.id}` : `${name}-${o.label ?? o.id}`
                }
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.id);
                  else next.delete(o.id);
                  setChosen(next);
                }}
              />
              <span>
                <span className="font-semibold">{o.label ?? o.id}</span> {o.title}
              </span>
            </label>
          );
        })}
      </div>
      {errors?.length ? <p className="text-xs text-red-700">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}
