"use server";
// Sign-in, sign-out and first-run setup are for visitors without a session, so they cannot ask
// defineAction for a capability. They are plain server actions with the same failure shapes:
// zod failures as field errors, refusals as AppError codes.
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";
import { recordSignOut } from "@/lib/auth/login";
import { getSessionUser } from "@/lib/auth/session";
import { isoClock } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { settleError } from "@/lib/http/boundary";
import { setupFirstAdmin } from "@/lib/users/setup";
import { loginSchema, setupSchema } from "@/lib/users/schemas";
import { SIGN_IN_REFUSED } from "@/lib/users/sign-in-messages";
import { factorRefusal } from "@/lib/auth/factor-refusals";
import { failureState, formObject, invalidFormState, type ActionState } from "./safe-action";

/** The refusal next-auth reports (see lib/auth/index.ts), as the error the form shows. */
function refusal(code: string | undefined): AppError {
  const factor = factorRefusal(code);
  if (factor) return factor;
  if (code?.startsWith("locked")) {
    const until = code.split("locked:")[1];
    const time = until ? ` until ${isoClock(new Date(until))} UTC` : "";
    return new AppError(
      "rate_limited",
      `Too many failed sign-ins: this account is locked for 15 minutes${time}.`,
    );
  }
  if (code === "throttled")
    return new AppError(
      "rate_limited",
      "Too many failed sign-ins from your address: try again in 15 minutes.",
    );
  if (code === "expired" || code === "inactive")
    return new AppError("forbidden", SIGN_IN_REFUSED[code]);
  return new AppError("unauthenticated", "Wrong email or password.");
}

export async function loginAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = loginSchema.safeParse(formObject(form));
  if (!parsed.success) return invalidFormState(parsed.error, form);
  try {
    // A fixed target: next-auth builds absolute URLs from localhost, so no callbackUrl echo.
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true };
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      // The password was right: the second factor is asked next (app/login/second-factor).
      if (code === "second_factor") redirect("/login/second-factor");
      return failureState(refusal(code), form);
    }
    throw err; // success arrives as a redirect
  }
}

export async function logoutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await recordSignOut(user);
  await signOut({ redirectTo: "/login" });
}

export async function setupAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = setupSchema.safeParse(formObject(form));
  if (!parsed.success) return invalidFormState(parsed.error, form);
  try {
    await setupFirstAdmin(parsed.data);
  } catch (err) {
    return failureState(await settleError(err, null, "setup"), form);
  }
  redirect("/login?setup=done");
}
