"use client";
// The demo loader and the accounts it creates. It stays mounted after the workspace stops being
// empty (the page passes showButton=false then), so the generated passwords remain on screen
// until the administrator dismisses them: they are stored nowhere and cannot be shown again.
import { useActionState, useState } from "react";
import { loadDemoAction } from "@/lib/actions/demo-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function DemoButton({ showButton }: { showButton: boolean }) {
  const [state, action, pending] = useActionState(loadDemoAction, {});
  const [dismissed, setDismissed] = useState<object | null>(null);
  const accounts = dismissed === state ? undefined : state.accounts;
  if (!showButton && !accounts) return null;
  return (
    <div
      className={
        showButton
          ? "mb-6 rounded-xl border border-dashed border-indigo-300 bg-indigo-50 p-6 text-sm"
          : "mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm"
      }
    >
      {showButton && (
        <form action={action} className="flex flex-col gap-2">
          <p>Or explore with the demo workspace built from a real SOC 2 controls mapping.</p>
          <div>
            <SubmitButton pending={pending}>Load the demo workspace</SubmitButton>
          </div>
        </form>
      )}
      <FormStatus state={state} testId="demo-status" />
      {accounts && (
        <div className="mt-2 flex flex-col gap-2" data-testid="demo-accounts-panel">
          <p className="font-medium">
            Demo accounts — note the passwords now: they are shown only here, until you dismiss
            them.
          </p>
          <ul className="text-xs" data-testid="demo-accounts">
            {accounts.map((a) => (
              <li key={a.email}>
                {a.role}: {a.email}{" "}
                {a.password ? (
                  <>
                    — password <code>{a.password}</code>
                  </>
                ) : (
                  "(already existed, left alone)"
                )}
              </li>
            ))}
          </ul>
          <div>
            <button
              type="button"
              onClick={() => setDismissed(state)}
              className="rounded-md border border-amber-300 bg-white px-2 py-1 text-xs hover:bg-amber-100"
              data-testid="dismiss-demo-accounts"
            >
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
