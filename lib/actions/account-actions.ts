"use server";
// The signed-in person's own account. Sections of /account each use one of these.
import { unstable_update } from "@/lib/auth";
import { renewalProof } from "@/lib/auth/session-version";
import { changeOwnPassword, endAllSessions } from "@/lib/users/account";
import { changePasswordSchema, emptySchema } from "@/lib/users/schemas";
import { defineAction } from "./safe-action";

export const changePasswordAction = defineAction({
  capability: "account.manage",
  schema: changePasswordSchema,
  revalidate: ["/account"],
  // A refused form must not carry the current password back to the browser.
  secretFields: ["current"],
  async run(input, user) {
    const { sessionVersion } = await changeOwnPassword(user, input);
    // Every other session ended with the change; this one moves to the new version.
    await unstable_update({ renewal: renewalProof(user.id, sessionVersion) } as object);
    return "Password changed. Every other session has been signed out.";
  },
});

export const signOutEverywhereAction = defineAction({
  capability: "account.manage",
  schema: emptySchema,
  async run(_input, user) {
    await endAllSessions(user, user.id);
    return {
      message: "Signed out everywhere.",
      redirectTo: "/login?reason=signed-out-everywhere",
    };
  },
});
