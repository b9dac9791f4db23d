"use server";
// The sign-in steps issue 11 added, for visitors without a session (like auth-actions.ts): the
// second factor after a right password, passkeys, and single sign-on.
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { factorRefusal } from "@/lib/auth/factor-refusals";
import { oidcConfigured, OIDC_PROVIDER_ID } from "@/lib/auth/oidc-config";
import { passkeySignInOptions } from "@/lib/auth/passkeys";
import { requestRelyingParty } from "@/lib/auth/request-origin";
import { codeSchema, passkeySignInSchema } from "@/lib/auth/second-factor-schemas";
import { AppError } from "@/lib/errors";
import { failureState, formObject, invalidFormState, type ActionState } from "./safe-action";

const SECRET = ["code", "response", "state"];

function stepRefusal(code: string | undefined): AppError {
  const known = factorRefusal(code);
  if (known) return known;
  if (code?.startsWith("locked"))
    return new AppError(
      "rate_limited",
      "Too many failed sign-ins: this account is locked for 15 minutes.",
    );
  if (code === "throttled")
    return new AppError(
      "rate_limited",
      "Too many failed sign-ins from your address: try again later.",
    );
  if (code === "expired" || code === "inactive")
    return new AppError("forbidden", "This account may not sign in any more.");
  return new AppError("unauthenticated", "The sign-in was refused.");
}

async function signInWith(provider: string, fields: Record<string, string>, form: FormData) {
  try {
    await signIn(provider, { ...fields, redirectTo: "/" });
    return { ok: true };
  } catch (err) {
    if (err instanceof AuthError)
      return failureState(stepRefusal((err as AuthError & { code?: string }).code), form, SECRET);
    throw err; // success arrives as a redirect
  }
}

/** The second step after a right password: a TOTP code or a recovery code. */
export async function secondFactorLoginAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const parsed = codeSchema.safeParse(formObject(form));
  if (!parsed.success) return invalidFormState(parsed.error, form, SECRET);
  return signInWith("second-factor", parsed.data, form);
}

/** WebAuthn options for signing in with a passkey (with or without a password before it). */
export async function passkeySignInOptionsAction(): Promise<{
  options: PublicKeyCredentialRequestOptionsJSON;
  state: string;
}> {
  return passkeySignInOptions(await requestRelyingParty());
}

export async function passkeySignInAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const parsed = passkeySignInSchema.safeParse(formObject(form));
  if (!parsed.success) return invalidFormState(parsed.error, form, SECRET);
  return signInWith("passkey", parsed.data, form);
}

/** Sends the browser to the configured identity provider. */
export async function ssoSignInAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!oidcConfigured())
    return failureState(new AppError("not_found", "Single sign-on is not configured."), form);
  await signIn(OIDC_PROVIDER_ID, { redirectTo: "/" });
  return { ok: true };
}
