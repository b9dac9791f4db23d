"use client";
import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/test-result-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  expires: string | null;
  lastUsed: string | null;
  revoked: boolean;
}

function Revoke({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) =>
        !window.confirm(`Revoke "${name}"? Anything using it stops working at once.`) &&
        e.preventDefault()
      }
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 underline">
        Revoke
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function TokensSection({ tokens }: { tokens: TokenRow[] }) {
  const [state, action, pending] = useActionState(createTokenAction, {});
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-wrap items-end gap-3" data-testid="token-form">
        <Field
          id="token-name"
          label="Token name"
          name="name"
          required
          placeholder="backend CI"
          errors={state.errors?.name}
        />
        <Field
          id="token-expires"
          label="Expires after (optional)"
          name="expires"
          type="date"
          errors={state.errors?.expires}
        />
        <SubmitButton pending={pending}>Create ingest token</SubmitButton>
      </form>
      <FormStatus state={state} testId="token-status" />
      {state.token && (
        <p
          className="break-all rounded-md bg-slate-900 p-3 font-mono text-sm text-white"
          data-testid="new-token"
        >
          {state.token}
        </p>
      )}
      {tokens.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" data-testid="tokens">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center gap-3">
              <span className="font-medium">{t.name}</span>
              <code className="text-xs">{t.prefix}…</code>
              <span className="text-xs text-slate-600">
                {t.revoked ? "revoked" : t.expires ? `expires ${t.expires}` : "no expiry"} ·{" "}
                {t.lastUsed ? `last used ${t.lastUsed}` : "never used"}
              </span>
              {!t.revoked && <Revoke id={t.id} name={t.name} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
