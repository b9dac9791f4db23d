"use client";
// Setting up an authenticator app: a new secret (QR code and text), then the first code from it.
import { useActionState } from "react";
import { confirmTotpAction, startTotpAction } from "@/lib/actions/second-factor-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import { RecoveryCodesList } from "./recovery-codes-list";

export function TotpSetup() {
  const [started, start, starting] = useActionState(startTotpAction, {});
  const [confirmed, confirm, confirming] = useActionState(confirmTotpAction, {});
  if (confirmed.ok)
    return (
      <div className="flex flex-col gap-3">
        <FormStatus state={confirmed} testId="totp-status" />
        {confirmed.recoveryCodes && <RecoveryCodesList codes={confirmed.recoveryCodes} />}
      </div>
    );
  if (!started.ok || !started.secret)
    return (
      <form action={start} className="flex flex-col gap-2">
        <FormStatus state={started} testId="totp-status" />
        <SubmitButton pending={starting} data-testid="totp-start">
          Set up an authenticator app
        </SubmitButton>
      </form>
    );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        Scan this code with your authenticator app, or type the key into it.
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn by the server */}
      <img src={started.qr} alt="QR code for your authenticator app" width={180} height={180} />
      <p className="text-sm">
        Key:{" "}
        <code data-testid="totp-secret" className="break-all font-mono">
          {started.secret}
        </code>
      </p>
      <form action={confirm} className="flex flex-col gap-3">
        <Field
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          errors={confirmed.errors?.code}
        />
        <FormStatus state={confirmed} testId="totp-status" />
        <SubmitButton pending={confirming} data-testid="totp-confirm">
          Turn on
        </SubmitButton>
      </form>
    </div>
  );
}
