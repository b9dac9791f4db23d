"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { setupFirstAdmin } from "@/lib/users/setup";
import { setupSchema } from "@/lib/users/schemas";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { recordActivity } from "@/lib/activity/record";
import { echoValues, fieldErrors, formObject, userMessage, type ActionState } from "./safe-action";

const loginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email"),
  password: z.string().min(1, "Enter your password"),
});

function refusalMessage(code: string | undefined): string {
  if (code?.startsWith("locked")) {
    const until = code.split("locked:")[1];
    const time = until ? ` until ${new Date(until).toISOString().slice(11, 16)} UTC` : "";
    return `Too many failed sign-ins: this account is locked for 15 minutes${time}.`;
  }
  if (code === "expired")
    return "Your auditor access has expired. Ask the compliance officer to extend it.";
  if (code === "inactive") return "This account has been deactivated.";
  return "Wrong email or password.";
}

export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse(formObject(form));
  if (!parsed.success)
    return { ok: false, errors: fieldErrors(parsed.error), values: echoValues(form) };
  try {
    // A fixed target: next-auth builds absolute URLs from localhost, so no callbackUrl echo.
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true };
  } catch (err) {
    if (err instanceof AuthError) {
      return {
        ok: false,
        message: refusalMessage((err as AuthError & { code?: string }).code),
        values: echoValues(form),
      };
    }
    throw err; // success arrives as a redirect
  }
}

export async function logoutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) {
    await (
      await db()
    ).$transaction((tx) =>
      recordActivity(tx, user, {
        action: "auth.logout",
        entityType: "user",
        entityId: user.id,
        summary: `${user.email} signed out`,
      }),
    );
  }
  await signOut({ redirectTo: "/login" });
}

export async function setupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = setupSchema.safeParse(formObject(form));
  if (!parsed.success)
    return {
      ok: false,
      message: "Check the highlighted fields.",
      errors: fieldErrors(parsed.error),
      values: echoValues(form),
    };
  try {
    await setupFirstAdmin(parsed.data);
  } catch (err) {
    return { ok: false, message: userMessage(err), values: echoValues(form) };
  }
  redirect("/login?setup=done");
}
