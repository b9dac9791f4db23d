"use client";
// Adding a passkey: the server's options, the browser's WebAuthn ceremony, the server's check.
import { useState, useTransition } from "react";
import { startRegistration } from "@simplewebauthn/browser";
import { passkeyOptionsAction, registerPasskeyAction } from "@/lib/actions/second-factor-actions";
import type { ActionState } from "@/lib/actions/safe-action";
import { FormStatus, SubmitButton } from "@/components/ui/form";
import { RecoveryCodesList } from "./recovery-codes-list";

export function PasskeyEnrol() {
  const [name, setName] = useState("");
  const [state, setState] = useState<ActionState & { recoveryCodes?: string[] }>({});
  const [pending, startTransition] = useTransition();
  const add = () =>
    startTransition(async () => {
      const begun = await passkeyOptionsAction();
      if (!begun.ok) return setState({ ok: false, message: begun.message });
      let response: unknown;
      try {
        response = await startRegistration({ optionsJSON: begun.options });
      } catch {
        return setState({ ok: false, message: "The browser did not create a passkey." });
      }
      const form = new FormData();
      form.set("name", name || "Passkey");
      form.set("response", JSON.stringify(response));
      form.set("state", begun.state);
      setState(await registerPasskeyAction({}, form));
    });
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Name of the new passkey
        <input
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Work laptop"
          maxLength={100}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-normal"
        />
      </label>
      <FormStatus state={state} testId="passkey-status" />
      {state.recoveryCodes && <RecoveryCodesList codes={state.recoveryCodes} />}
      <SubmitButton pending={pending} data-testid="passkey-add">
        Add a passkey
      </SubmitButton>
    </form>
  );
}
