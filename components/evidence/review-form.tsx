"use client";
import { useActionState } from "react";
import { reviewEvidenceAction } from "@/lib/actions/evidence-actions";
import { FormStatus } from "@/components/ui/form";

export function ReviewForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(reviewEvidenceAction, {});
  return (
    <form action={action} className="flex flex-col gap-2" data-testid="review-form">
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Review comment (required to reject)</span>
        <textarea
          name="comment"
          rows={2}
          className="rounded-md border border-slate-300 px-3 py-2"
        />
        {state.errors?.comment && (
          <span className="text-xs text-red-700">{state.errors.comment.join(" ")}</span>
        )}
      </label>
      <div className="flex gap-2">
        <button
          type="submit"
          name="decision"
          value="accept"
          disabled={pending}
          className="rounded-md bg-emerald-600 px-4 py-2 text-sm font-semibold text-white"
          data-testid="accept-evidence"
        >
          Accept
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm text-red-800"
          data-testid="reject-evidence"
        >
          Reject
        </button>
      </div>
      <FormStatus state={state} testId="review-status" />
    </form>
  );
}
