// The authorization matrix's entries for who someone is: signing in and out, first-run setup,
// the caller's own account, invitation and reset links, and the administrators' user management.
import type { ActionTable } from "./matrix-action-entry";

export const IDENTITY_ACTIONS: ActionTable = {
  "account-actions.ts": {
    changePasswordAction: {
      capability: "account.manage",
      form: () => ({
        current: "not the caller's password",
        password: "a new matrix passphrase",
        confirm: "a new matrix passphrase",
      }),
      business: "the form cannot know each caller's current password, so the change is refused",
    },
    signOutEverywhereAction: { capability: "account.manage", form: () => ({}) },
  },
  "auth-actions.ts": {
    loginAction: {
      capability: "public",
      form: (ctx) => ({ email: ctx.admin.email, password: ctx.admin.password }),
    },
    logoutAction: { capability: "public", form: () => ({}) },
    setupAction: {
      capability: "public",
      form: (ctx) => ({
        email: `${ctx.unique("matrix-setup")}@example.test`,
        name: "Matrix setup",
        password: "correct horse battery staple",
        confirm: "correct horse battery staple",
      }),
      business: "first-run setup is closed once an account exists",
    },
  },
  "credential-link-actions.ts": {
    redeemLinkAction: {
      capability: "public",
      form: (ctx) => ({
        token: ctx.invitationToken,
        password: "a matrix invitee passphrase",
        confirm: "a matrix invitee passphrase",
      }),
    },
  },
  "user-actions.ts": {
    addUserAction: {
      capability: "users.manage",
      form: (ctx) => ({
        email: `${ctx.unique("matrix-user")}@example.test`,
        name: "Matrix user",
        role: "engineer",
      }),
    },
    issueLinkAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.credentialUserId }),
    },
    endSessionsAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.credentialUserId }),
    },
    changeAccessAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.userId, role: "auditor", expires: ctx.day(30) }),
    },
    setActiveAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.userId, active: "false" }),
    },
  },
};
