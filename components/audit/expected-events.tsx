"use client";
import { useActionState } from "react";
import { addExpectedEventAction, removeExpectedEventAction } from "@/lib/actions/audit-actions";
import { FormStatus } from "@/components/ui/form";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

function Remove({ id }: { id: string }) {
  const [, action, pending] = useActionState(removeExpectedEventAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 underline">
        Remove
      </button>
    </form>
  );
}

export function ExpectedEvents({
  controlId,
  items,
  editable,
}: {
  controlId: string;
  items: { id: string; action: string; maxSilenceDays: number }[];
  editable: boolean;
}) {
  const [state, action, pending] = useActionState(addExpectedEventAction, {});
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="expected-events">
      {items.length === 0 ? (
        <p className="text-slate-600">
          No expected events: declare the audit events this control must keep producing, and how
          long a silence is tolerated.
        </p>
      ) : (
        <ul className="flex flex-col gap-1">
          {items.map((e) => (
            <li key={e.id} className="flex items-center gap-2">
              <code>{e.action}</code> at least every {e.maxSilenceDays} day(s){" "}
              {editable && <Remove id={e.id} />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="controlId" value={controlId} />
          <input
            name="action"
            placeholder="login_failed"
            aria-label="Event type"
            required
            className={`${box} font-mono`}
            data-testid="expected-action"
          />
          <label className="flex items-center gap-1">
            at least every
            <input
              name="maxSilenceDays"
              type="number"
              min={1}
              max={365}
              defaultValue={7}
              aria-label="Days of silence tolerated"
              className={`${box} w-20`}
              data-testid="expected-days"
            />
            days
          </label>
          <button
            type="submit"
            disabled={pending}
            className={`${box} font-medium hover:bg-slate-100`}
          >
            Expect
          </button>
          <FormStatus state={state} testId="expected-status" />
        </form>
      )}
    </div>
  );
}
