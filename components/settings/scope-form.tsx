"use client";
import { useActionState } from "react";
import { saveScopeAction } from "@/lib/actions/workspace-actions";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/catalog/labels";
import type { CriterionCategory } from "@/lib/generated/prisma/enums";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function ScopeForm({
  inScope,
  editable,
}: {
  inScope: CriterionCategory[];
  editable: boolean;
}) {
  const [state, action, pending] = useActionState(saveScopeAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" data-testid="scope-form">
      <fieldset className="flex flex-wrap gap-4" disabled={!editable}>
        <legend className="mb-2 text-sm text-slate-600">
          Security (the common criteria) is always in scope.
        </legend>
        {CATEGORIES.map((c) => (
          <label key={c} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="categories"
              value={c}
              defaultChecked={c === "security" || inScope.includes(c)}
              disabled={c === "security"}
              data-testid={`scope-${c}`}
            />
            {CATEGORY_LABELS[c]}
          </label>
        ))}
      </fieldset>
      <FormStatus state={state} testId="scope-status" />
      {editable && (
        <div>
          <SubmitButton pending={pending}>Save scope</SubmitButton>
        </div>
      )}
    </form>
  );
}
