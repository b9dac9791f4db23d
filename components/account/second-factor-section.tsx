// The account's second factors: authenticator app (TOTP), passkeys and recovery codes.
import type { SecondFactorOverview } from "@/lib/auth/second-factor";
import {
  removePasskeyAction,
  removeTotpAction,
  replaceRecoveryCodesAction,
} from "@/lib/actions/second-factor-actions";
import { isoDay } from "@/lib/dates";
import { TotpSetup } from "./totp-setup";
import { PasskeyEnrol } from "./passkey-enrol";
import { PasswordAndCodeForm } from "./password-and-code-form";
import { AccountSection } from "./account-section";

export function SecondFactorSection({ overview }: { overview: SecondFactorOverview }) {
  const any = overview.totpEnabled || overview.passkeys.length > 0;
  return (
    <section className="flex flex-col gap-6" data-testid="second-factor-section">
      {overview.required && !any && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your role requires a second factor: set up an authenticator app or a passkey to continue.
        </p>
      )}
      <AccountSection id="authenticator-app" title="Authenticator app">
        {overview.totpEnabled ? (
          <>
            <p className="mb-3 text-sm text-emerald-800" data-testid="totp-enabled">
              On: sign-in asks for a code from your app after your password.
            </p>
            <details>
              <summary className="cursor-pointer text-sm text-slate-700">Remove it</summary>
              <div className="mt-3">
                <PasswordAndCodeForm
                  action={removeTotpAction}
                  submit="Remove the authenticator app"
                  testId="totp-remove"
                />
              </div>
            </details>
          </>
        ) : (
          <TotpSetup />
        )}
      </AccountSection>
      <AccountSection
        id="passkeys"
        title="Passkeys"
        description="A passkey is a second factor after your password, or signs you in on its own."
      >
        {overview.passkeys.length > 0 && (
          <ul className="mb-4 flex flex-col gap-3" data-testid="passkey-list">
            {overview.passkeys.map((p) => (
              <li key={p.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">{p.name}</p>
                <p className="text-slate-600">
                  Added {isoDay(p.createdAt)}
                  {p.lastUsedAt ? `, last used ${isoDay(p.lastUsedAt)}` : ""}
                </p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-slate-700">Remove</summary>
                  <div className="mt-3">
                    <PasswordAndCodeForm
                      action={removePasskeyAction}
                      submit="Remove this passkey"
                      testId="passkey-remove"
                      hidden={{ passkeyId: p.id }}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        <PasskeyEnrol />
      </AccountSection>
      {any && (
        <AccountSection id="recovery-codes" title="Recovery codes">
          <p className="mb-3 text-sm text-slate-600" data-testid="recovery-left">
            {overview.recoveryCodesLeft} of 10 unused.
          </p>
          <details>
            <summary className="cursor-pointer text-sm text-slate-700">Make new codes</summary>
            <div className="mt-3">
              <PasswordAndCodeForm
                action={replaceRecoveryCodesAction}
                submit="Replace my recovery codes"
                testId="recovery-replace"
              />
            </div>
          </details>
        </AccountSection>
      )}
    </section>
  );
}
