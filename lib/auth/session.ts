import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./index";
import { auditorAccessOpen } from "./access";
import type { SessionUser } from "./types";

export type SessionState =
  { user: SessionUser } | { user: null; reason: "signed-out" | "expired" | "inactive" };

/** The signed-in account, re-read from the database on every request. */
export const resolveSession = cache(async (): Promise<SessionState> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return { user: null, reason: "signed-out" };
  const user = await (
    await db()
  ).user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, accessExpiresAt: true, active: true },
  });
  if (!user) return { user: null, reason: "signed-out" };
  if (!user.active) return { user: null, reason: "inactive" };
  if (!auditorAccessOpen(user)) return { user: null, reason: "expired" };
  const { active: _active, ...rest } = user;
  return { user: rest };
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await resolveSession()).user;
}

/** For pages: sends a visitor without a valid session to the sign-in page. */
export async function requireUser(roles?: Role[]): Promise<SessionUser> {
  const state = await resolveSession();
  if (!state.user)
    redirect(state.reason === "signed-out" ? "/login" : `/login?reason=${state.reason}`);
  if (roles && !roles.includes(state.user.role)) redirect("/?denied=1");
  return state.user;
}
