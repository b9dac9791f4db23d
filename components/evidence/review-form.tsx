"use client";
import { useActionState } from "react";
import { reviewEvidenceAction } from "@/lib/actions/evidence-actions";
import { FormStatus } from "@/components/ui/form";

/** `revision`: the latest revision shown on the page; accepting names it, so a newer upload since
 * the page was loaded refuses the accept instead of approving content nobody looked at. */
export function ReviewForm({
  id,
  revision,
}: {
  id: string;
  revision: { number: number; sha256: string } | null;
}) {
  const [state, action, pending] = useActionState(reviewEvidenceAction, {});
  return (
    <form action={action} className="flex flex-col gap-2" data-testid="review-form">
      <input type="hidden" name="id" value={id} />
      {revision && (
        <>
          <input type="hidden" name="revision" value={revision.sha256} />
          <p className="text-xs text-slate-600">
            Your decision is for revision {revision.number} (SHA-256 {revision.sha256.slice(0, 12)}
            …).
          </p>
        </>
      )}
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
