"use client";
import { useActionState } from "react";
import { loadDemoAction } from "@/lib/actions/demo-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function DemoButton() {
  const [state, action, pending] = useActionState(loadDemoAction, {});
  return (
    <form action={action} className="mt-3 flex flex-col gap-2">
      <p>Or explore with the demo workspace built from a real SOC 2 controls mapping.</p>
      <div>
        <SubmitButton pending={pending}>Load the demo workspace</SubmitButton>
      </div>
      <FormStatus state={state} testId="demo-status" />
      {state.accounts && (
        <ul className="text-xs" data-testid="demo-accounts">
          {state.accounts.map((a) => (
            <li key={a.email}>
              {a.role}: {a.email}{" "}
              {a.password ? (
                <>
                  — password <code>{a.password}</code> (shown once)
                </>
              ) : (
                "(already existed, left alone)"
              )}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
