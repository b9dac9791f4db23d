"use client";
import { useActionState } from "react";
import {
  createTokenAction,
  revokeTokenAction,
  takeOverTokenAction,
} from "@/lib/actions/test-result-actions";
import { TOKEN_SCOPES, TOKEN_SCOPE_LABELS } from "@/lib/auth/capabilities";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  source: string | null;
  evidences: string[];
  expires: string | null;
  lastUsed: string | null;
  revoked: boolean;
  owner: string | null;
  /** Why the token stopped working with its owner (deactivated, demoted); null while it works. */
  ownerProblem: string | null;
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

function TakeOver({ id }: { id: string }) {
  const [state, action, pending] = useActionState(takeOverTokenAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-xs text-slate-800 underline">
        Take over
      </button>
      <FormStatus state={state} />
    </form>
  );
}

function TokenLine({ t }: { t: TokenRow }) {
  const binding = [
    t.source ? `source ${t.source}` : null,
    t.evidences.length ? `evidences ${t.evidences.join(", ")} only` : null,
  ].filter(Boolean);
  return (
    <li className="flex flex-wrap items-center gap-3" data-testid="token-row">
      <span className="font-medium">{t.name}</span>
      <code className="text-xs">{t.prefix}…</code>
      <span className="text-xs text-slate-600">
        {t.scopes.join(", ")}
        {binding.length ? ` · ${binding.join(" · ")}` : ""} ·{" "}
        {t.revoked ? "revoked" : `expires ${t.expires}`} ·{" "}
        {t.lastUsed ? `last used ${t.lastUsed}` : "never used"} ·{" "}
        {t.owner ? `answered for by ${t.owner}` : "made on the command line"}
      </span>
      {!t.revoked && t.ownerProblem && (
        <span className="text-xs font-medium text-red-700" data-testid="token-stopped">
          Stopped: {t.ownerProblem}.
        </span>
      )}
      {!t.revoked && <TakeOver id={t.id} />}
      {!t.revoked && <Revoke id={t.id} name={t.name} />}
    </li>
  );
}

export function TokensSection({
  tokens,
  defaultExpiry,
}: {
  tokens: TokenRow[];
  /** One year from today: every token expires. */
  defaultExpiry: string;
}) {
  const [state, action, pending] = useActionState(createTokenAction, {});
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-3" data-testid="token-form">
        <div className="flex flex-wrap items-end gap-3">
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
            label="Expires after"
            name="expires"
            type="date"
            required
            defaultValue={defaultExpiry}
            errors={state.errors?.expires}
          />
          <Field
            id="token-source"
            label="Source name (optional)"
            name="source"
            placeholder="backend-ci"
            hint="Runs it pushes must carry this source."
            errors={state.errors?.source}
          />
          <Field
            id="token-evidences"
            label="May evidence (optional)"
            name="evidences"
            placeholder="CTL-004, CC6.1"
            hint="Tags naming other controls or criteria are ignored and reported."
            errors={state.errors?.evidences}
          />
        </div>
        <fieldset className="flex flex-wrap items-center gap-4 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-700">May push</legend>
          {TOKEN_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input
                type="checkbox"
                name="scopes"
                value={s}
                defaultChecked={s === "test-results"}
              />
              {TOKEN_SCOPE_LABELS[s]}
            </label>
          ))}
          {state.errors?.scopes && (
            <span className="text-xs text-red-700">{state.errors.scopes.join(" ")}</span>
          )}
        </fieldset>
        <div>
          <SubmitButton pending={pending}>Create token</SubmitButton>
        </div>
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
            <TokenLine key={t.id} t={t} />
          ))}
        </ul>
      )}
    </div>
  );
}
