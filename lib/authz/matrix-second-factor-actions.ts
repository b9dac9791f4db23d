// The authorization matrix's entries for issue 11's second factors: the signed-in user's own
// authenticator app, recovery codes and passkeys, the per-role sign-in policy, and the sign-in
// steps a visitor takes after the password. The matrix cannot answer a real challenge, so most
// of them fail on a business rule once authorization has let them through.
import type { ActionTable } from "./matrix-action-entry";

export const SECOND_FACTOR_ACTIONS: ActionTable = {
  // Issue 11: the signed-in user's own second factors, and the per-role sign-in policy.
  "second-factor-actions.ts": {
    startTotpAction: { capability: "account.security", form: () => ({}) },
    confirmTotpAction: {
      capability: "account.security",
      form: () => ({ code: "000000" }),
      business: "the matrix cannot know a code of the freshly generated secret",
    },
    removeTotpAction: {
      capability: "account.security",
      form: () => ({ password: "not the password", code: "000000" }),
      business: "no authenticator app is set up",
    },
    replaceRecoveryCodesAction: {
      capability: "account.security",
      form: () => ({ password: "not the password", code: "000000" }),
      business: "the password and code are wrong",
    },
    passkeyOptionsAction: { capability: "account.security", args: () => [] },
    registerPasskeyAction: {
      capability: "account.security",
      form: () => ({ name: "Matrix key", response: "{}", state: "not sealed" }),
      business: "the matrix has no authenticator to answer the challenge",
    },
    removePasskeyAction: {
      capability: "account.security",
      form: () => ({
        passkeyId: "00000000-0000-4000-8000-000000000000",
        password: "not the password",
        code: "000000",
      }),
      business: "no such passkey",
    },
    updateRolePolicyAction: {
      capability: "users.manage",
      // Not requiring a second factor: the matrix actors must stay usable.
      form: () => ({ role: "engineer", passwordSignIn: "on" }),
    },
  },
  // Issue 11: sign-in steps for visitors (second factor, passkeys, single sign-on).
  "sign-in-factor-actions.ts": {
    secondFactorLoginAction: { capability: "public", form: () => ({ code: "123456" }) },
    passkeySignInOptionsAction: { capability: "public", args: () => [] },
    passkeySignInAction: {
      capability: "public",
      form: () => ({ response: "{}", state: "not sealed" }),
    },
    ssoSignInAction: {
      capability: "public",
      form: () => ({}),
      business: "single sign-on is not configured in the tests",
    },
  },
};
