"use client";
import { useActionState } from "react";
import { deleteRuleAction } from "@/lib/actions/test-result-actions";

export interface RuleRow {
  id: string;
  field: string;
  pattern: string;
  control: string;
  by: string;
}

function DeleteRule({ id }: { id: string }) {
  const [, action, pending] = useActionState(deleteRuleAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) =>
        !window.confirm("Remove this rule? Future runs will no longer be mapped by it.") &&
        e.preventDefault()
      }
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 underline">
        Remove
      </button>
    </form>
  );
}

export function RuleList({ rules, editable }: { rules: RuleRow[]; editable: boolean }) {
  if (rules.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No rules yet. Tests tagged with a criterion or control id map without rules.
      </p>
    );
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="rules">
      {rules.map((r) => (
        <li key={r.id} className="flex items-center gap-2">
          <span>
            {r.field} matches <code className="rounded bg-slate-100 px-1">{r.pattern}</code> →{" "}
            {r.control} <span className="text-slate-500">(by {r.by})</span>
          </span>
          {editable && <DeleteRule id={r.id} />}
        </li>
      ))}
    </ul>
  );
}
