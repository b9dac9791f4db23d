"use client";
import { useActionState } from "react";
import { verifyChainAction } from "@/lib/actions/activity-actions";

export function VerifyChainButton() {
  const [state, action, pending] = useActionState(verifyChainAction, {});
  const chain = state.chain;
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <button
        type="submit"
        data-testid="verify-chain"
        disabled={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        {pending ? "Verifying every entry…" : "Verify chain"}
      </button>
      {state.message && (
        <p
          role="status"
          data-testid="chain-result"
          data-ok={chain?.ok ? "true" : "false"}
          className={`max-w-md rounded-md px-3 py-2 text-sm ${chain?.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {!chain
            ? state.message
            : chain.ok
              ? `Chain intact: ${chain.checked} entries verified. Head ${chain.headHash.slice(0, 16)}…`
              : `Chain broken at entry #${chain.brokenAt}: ${chain.reason}. ${chain.checked} entries before it verify.`}
        </p>
      )}
    </form>
  );
}
