"use client";
import type { ActionState } from "@/lib/actions/safe-action";
import { FormStatus } from "@/components/ui/form";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * Maps an unmapped test by creating a rule; the pattern starts as the exact name. Escape or
 * Cancel closes it (`onCancel`). The action and its state belong to the list
 * (unmapped-tests.tsx): once mapped, the test and this form leave the page with the answer.
 */
export function MapTestForm({
  name,
  controls,
  action,
  state,
  pending,
  onCancel,
}: {
  name: string;
  controls: { id: string; label: string }[];
  action: (form: FormData) => void;
  state: ActionState;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <form
      action={action}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !pending) onCancel();
      }}
      className="flex flex-wrap items-center gap-2"
      data-testid="map-test"
    >
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
      <button
        type="button"
        onClick={onCancel}
        disabled={pending}
        className={`${box} hover:bg-slate-100`}
      >
        Cancel
      </button>
      <FormStatus state={state} testId="map-status" />
    </form>
  );
}
