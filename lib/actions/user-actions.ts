"use server";
import { setUserActive, updateUserAccess } from "@/lib/users/users";
import { inviteUser, issueCredentialLink, type IssuedLink } from "@/lib/auth/invitations";
import { endAllSessions } from "@/lib/users/account";
import { requestOrigin } from "@/lib/http/request-origin";
import {
  newUserSchema,
  setActiveSchema,
  updateUserSchema,
  userIdSchema,
} from "@/lib/users/schemas";
import { defineAction } from "./safe-action";

/** What the form shows once: the link to pass on, and whether it was e-mailed. */
export interface LinkShown {
  issued: { email: string; purpose: string; link: string; expiresAt: string; mail: string };
}

const shown = (i: IssuedLink): LinkShown => ({
  issued: {
    email: i.email,
    purpose: i.purpose,
    link: i.link,
    expiresAt: i.expiresAt.toISOString(),
    mail: i.mail,
  },
});

const mailWords: Record<IssuedLink["mail"], string> = {
  sent: " and e-mailed",
  failed: "; the e-mail could not be sent, pass the link on yourself",
  off: "; pass the link on",
};

export const addUserAction = defineAction<typeof newUserSchema, LinkShown>({
  capability: "users.manage",
  schema: newUserSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    const issued = await inviteUser(user, input, { origin: await requestOrigin() });
    return { message: `Invited ${issued.email}${mailWords[issued.mail]}.`, data: shown(issued) };
  },
});

export const issueLinkAction = defineAction<typeof userIdSchema, LinkShown>({
  capability: "users.manage",
  schema: userIdSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    const issued = await issueCredentialLink(user, input.id, { origin: await requestOrigin() });
    const what = issued.purpose === "invitation" ? "New invitation" : "Password reset link";
    return {
      message: `${what} for ${issued.email}${mailWords[issued.mail]}.`,
      data: shown(issued),
    };
  },
});

export const endSessionsAction = defineAction({
  capability: "users.manage",
  schema: userIdSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    await endAllSessions(user, input.id);
    return "Every session of that account has ended.";
  },
});

export const changeAccessAction = defineAction({
  capability: "users.manage",
  schema: updateUserSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    await updateUserAccess(user, input);
    return "Access updated.";
  },
});

export const setActiveAction = defineAction({
  capability: "users.manage",
  schema: setActiveSchema,
  revalidate: ["/settings"],
  async run(input, user) {
    await setUserActive(user, input.id, input.active);
    return input.active ? "Account reactivated." : "Account deactivated.";
  },
});
