"use client";
import { useActionState } from "react";
import { createRuleAction } from "@/lib/actions/test-result-actions";
import { FormStatus } from "@/components/ui/form";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** Maps an unmapped test by creating a rule; the pattern starts as the exact name. */
export function MapTestForm({
  name,
  controls,
}: {
  name: string;
  controls: { id: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(createRuleAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="map-test">
      <select name="field" defaultValue="name" aria-label="Match on" className={box}>
        <option value="name">name</option>
        <option value="suite">suite / class</option>
        <option value="file">file</option>
      </select>
      <input
        name="pattern"
        defaultValue={name}
        aria-label="Pattern (* and ? wildcards)"
        className={`${box} w-64 font-mono`}
      />
      <select
        name="controlId"
        aria-label="Control"
        className={box}
        defaultValue=""
        data-testid="map-control"
        // Opened by its own button: the choice is what the user came for.
        autoFocus
      >
        <option value="" disabled>
          Choose a control…
        </option>
        {controls.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className={`${box} font-medium hover:bg-slate-100`}>
        Map
      </button>
      <FormStatus state={state} testId="map-status" />
    </form>
  );
}
