import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { ActivityActor } from "@/lib/activity/record";
import { auth } from "./index";
import { auditorAccessOpen } from "./access";
import type { Capability } from "./capabilities";
import { allows } from "./authorize";
import { ENROLMENT_PATH, enrolmentRequired } from "./second-factor-state";
import type { SessionUser } from "./types";
import { sessionCurrent } from "./session-version";

export type SessionState =
  /** sso: signed in by single sign-on (the identity provider's second factor applies). */
  | { user: SessionUser; sso?: boolean }
  | { user: null; reason: "signed-out" }
  /** A session cookie of an account that may no longer sign in; `who` is kept for the log. */
  | { user: null; reason: "expired" | "inactive" | "revoked"; who: ActivityActor };

/** The signed-in account, re-read from the database on every request. */
export const resolveSession = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { user: null, reason: "signed-out" };
  const user = await (
    await db()
  ).user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      accessExpiresAt: true,
      active: true,
      sessionVersion: true,
    },
  });
  if (!user) return { user: null, reason: "signed-out" };
  const who = { id: user.id, email: user.email };
  if (!user.active) return { user: null, reason: "inactive", who };
  if (!auditorAccessOpen(user)) return { user: null, reason: "expired", who };
  // Ended by "sign out everywhere", a password change or reset (lib/auth/session-version.ts).
  if (!sessionCurrent(session.user?.sv, user.sessionVersion))
    return { user: null, reason: "revoked", who };
  const { active: _active, sessionVersion: _version, ...rest } = user;
  return { user: { kind: "user", ...rest }, sso: (session as { sso?: boolean }).sso === true };
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await resolveSession()).user;
}

/** For pages: sends a visitor without a valid session to the sign-in page, and one without the capability home. */
export async function requireUser(capability?: Capability): Promise<SessionUser> {
  const state = await resolveSession();
  if (!state.user)
    redirect(state.reason === "signed-out" ? "/login" : `/login?reason=${state.reason}`);
  // A role that requires a second factor sends a user without one to enrol before anything else.
  if (await mustEnrolFirst(state)) redirect(ENROLMENT_PATH);
  if (capability && !allows(state.user, capability)) redirect("/?denied=1");
  return state.user;
}

// Once per request, like resolveSession (the layout and the page both ask).
const enrolmentRequiredOnce = cache((id: string, role: SessionUser["role"]) =>
  enrolmentRequired({ id, role }),
);

/** True for a password session of a user whose role requires a second factor they lack. */
export async function mustEnrolFirst(state: SessionState): Promise<boolean> {
  if (!state.user || ("sso" in state && state.sso)) return false;
  return enrolmentRequiredOnce(state.user.id, state.user.role);
}
