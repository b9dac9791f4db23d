"use server";
// The signed-in user's own second factors (account page), and the per-role sign-in policy
// (settings, admins). Secrets and codes are returned once to the form that shows them, never
// echoed back in `values` (the code, password and response fields are secret fields).
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { resolveSession } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import {
  confirmTotpEnrolment,
  removePasskey,
  removeTotp,
  replaceRecoveryCodes,
  startTotpEnrolment,
} from "@/lib/auth/second-factor";
import { passkeyRegistrationOptions, registerPasskey } from "@/lib/auth/passkeys";
import { requestRelyingParty } from "@/lib/auth/request-origin";
import { setRolePolicy } from "@/lib/auth/role-policy";
import {
  codeSchema,
  passwordAndCodeSchema,
  registerPasskeySchema,
  removePasskeySchema,
  rolePolicySchema,
} from "@/lib/auth/second-factor-schemas";
import { settleError } from "@/lib/http/boundary";
import { z } from "zod";
import { defineAction } from "./safe-action";

const SECRET = ["code", "response", "state"] as const;
const ACCOUNT_PAGES = ["/account/security", "/account/second-factor"] as const;

export const startTotpAction = defineAction<
  z.ZodObject,
  { secret: string; qr: string; uri: string }
>({
  capability: "account.security",
  schema: z.object({}),
  revalidate: [],
  run: async (_input, user) => {
    const enrolment = await startTotpEnrolment(user);
    return {
      message: "Scan the code, then enter the 6-digit code the app shows.",
      data: enrolment,
    };
  },
});

export const confirmTotpAction = defineAction<typeof codeSchema, { recoveryCodes: string[] }>({
  capability: "account.security",
  schema: codeSchema,
  secretFields: SECRET,
  // Not revalidated: re-rendering the account page would replace the set-up form with the
  // "On" view before the user has seen the recovery codes, which are shown only this once.
  // The next navigation or reload reads the page afresh.
  revalidate: [],
  run: async ({ code }, user) => {
    const { recoveryCodes } = await confirmTotpEnrolment(user, code);
    return {
      message: "Authenticator app set up.",
      data: recoveryCodes ? { recoveryCodes } : undefined,
    };
  },
});

export const removeTotpAction = defineAction({
  capability: "account.security",
  schema: passwordAndCodeSchema,
  secretFields: SECRET,
  revalidate: ACCOUNT_PAGES,
  run: async (input, user) => {
    await removeTotp(user, input);
    return "Authenticator app removed.";
  },
});

export const replaceRecoveryCodesAction = defineAction<
  typeof passwordAndCodeSchema,
  { recoveryCodes: string[] }
>({
  capability: "account.security",
  schema: passwordAndCodeSchema,
  secretFields: SECRET,
  revalidate: ACCOUNT_PAGES,
  run: async (input, user) => ({
    message: "New recovery codes: the old ones no longer work.",
    data: { recoveryCodes: await replaceRecoveryCodes(user, input) },
  }),
});

/** Not a form: the browser asks for options, runs WebAuthn, then posts registerPasskeyAction. */
export async function passkeyOptionsAction(): Promise<
  | { ok: true; options: PublicKeyCredentialCreationOptionsJSON; state: string }
  | { ok: false; code?: string; message: string }
> {
  const session = await resolveSession();
  try {
    authorize(session.user, "account.security");
    return {
      ok: true,
      ...(await passkeyRegistrationOptions(session.user, await requestRelyingParty())),
    };
  } catch (err) {
    // An expired or deactivated account's refusal is recorded under its name, as defineAction does.
    const who = session.user ?? ("who" in session ? session.who : null);
    const e = await settleError(err, who, "action (account.security)");
    return { ok: false, code: e?.code, message: e?.message ?? "Something went wrong." };
  }
}

export const registerPasskeyAction = defineAction<
  typeof registerPasskeySchema,
  { recoveryCodes: string[] }
>({
  capability: "account.security",
  schema: registerPasskeySchema,
  secretFields: SECRET,
  revalidate: ACCOUNT_PAGES,
  run: async (input, user) => {
    const { recoveryCodes } = await registerPasskey(user, input, await requestRelyingParty());
    return { message: "Passkey added.", data: recoveryCodes ? { recoveryCodes } : undefined };
  },
});

export const removePasskeyAction = defineAction({
  capability: "account.security",
  schema: removePasskeySchema,
  secretFields: SECRET,
  revalidate: ACCOUNT_PAGES,
  run: async (input, user) => {
    await removePasskey(user, input);
    return "Passkey removed.";
  },
});

export const updateRolePolicyAction = defineAction({
  capability: "users.manage",
  schema: rolePolicySchema,
  revalidate: ["/settings"],
  run: async (input, user) => {
    await setRolePolicy(user, input);
    return `Sign-in policy for ${input.role} saved.`;
  },
});
