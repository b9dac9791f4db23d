"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { verifyChainAction, type VerifyResult } from "@/lib/actions/activity-actions";

export function VerifyChainButton() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        data-testid="verify-chain"
        disabled={pending}
        onClick={() =>
          start(async () => {
            setResult(await verifyChainAction());
            router.refresh();
          })
        }
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        {pending ? "Verifying every entry…" : "Verify chain"}
      </button>
      {result && (
        <p
          role="status"
          data-testid="chain-result"
          data-ok={result.ok ? "true" : "false"}
          className={`max-w-md rounded-md px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
        >
          {result.ok
            ? `Chain intact: ${result.checked} entries verified. Head ${result.headHash.slice(0, 16)}…`
            : result.brokenAt
              ? `Chain broken at entry #${result.brokenAt}: ${result.reason}. ${result.checked} entries before it verify.`
              : result.message}
        </p>
      )}
    </div>
  );
}
