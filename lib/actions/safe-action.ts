// One shape for every server action: resolve the session, authorize the capability, validate
// with zod, run, refresh, redirect, and turn failures into state for useActionState. Server
// actions can be POSTed directly, so none of this may be left to a layout or hidden buttons;
// the data layer authorizes again inside every function.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { mustEnrolFirst, resolveSession } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import type { Capability } from "@/lib/auth/capabilities";
import type { SessionUser } from "@/lib/auth/types";
import { AppError, UNEXPECTED_MESSAGE, invalid, type ErrorCode } from "@/lib/errors";
import { settleError } from "@/lib/http/boundary";

export interface ActionState {
  ok?: boolean;
  code?: ErrorCode;
  message?: string;
  errors?: Record<string, string[]>;
  /** What the user typed (secrets excluded), so a refused form keeps its fields after React resets it. */
  values?: Record<string, string>;
}

/** What an action's `run` hands back: a message, or a message with a destination and extra state. */
export type ActionReply<X extends object = object> =
  | string
  | {
      /** false: nothing was done (e.g. the user must decide something first); no refresh. */
      ok?: boolean;
      message: string;
      /** Where the browser goes after success (the created or saved record). */
      redirectTo?: string;
      /** Extra state for the form (a token shown once, secret-scan findings, …). */
      data?: X;
    };

export interface ActionOptions<S extends z.ZodType, X extends object> {
  capability: Capability;
  schema: S;
  run: (input: z.output<S>, user: SessionUser) => Promise<ActionReply<X>>;
  /** What to refresh after success: every page (default) or the listed paths. */
  revalidate?: "all" | readonly string[];
  /** Fields never echoed back in `values`, besides password, secret and token fields. */
  secretFields?: readonly string[];
}

const SECRET_FIELD = /password|confirm|secret|token/i;

function echoValues(form: FormData, secret: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (
      typeof value === "string" &&
      !key.startsWith("$ACTION") &&
      !SECRET_FIELD.test(key) &&
      !secret.includes(key)
    )
      out[key] = value;
  }
  return out;
}

/** The first text field holding a NUL character, which no PostgreSQL text column can store. */
export function fieldWithNul(form: FormData): string | null {
  for (const [key, value] of form.entries())
    if (typeof value === "string" && (value.includes("\u0000") || key.includes("\u0000")))
      return key.replaceAll("\u0000", "");
  return null;
}

/** A form as an object: repeated keys (and keys ending in []) become lists; files stay files. */
export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key);
    out[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  return out;
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The form state of a failure: the AppError's message and code, or a generic one for a bug. */
export function failureState(
  err: AppError | null,
  form?: FormData,
  secretFields?: readonly string[],
): ActionState {
  const values = form ? echoValues(form, secretFields) : undefined;
  if (!err) return { ok: false, message: UNEXPECTED_MESSAGE, values };
  const errors = err.details.field ? { [err.details.field]: [err.message] } : undefined;
  return { ok: false, code: err.code, message: err.message, errors, values };
}

/** The form state of a zod failure: each field's messages, and what the user typed. */
export function invalidFormState(
  error: z.ZodError,
  form: FormData,
  secretFields?: readonly string[],
): ActionState {
  return {
    ok: false,
    code: "invalid",
    message: "Check the highlighted fields.",
    errors: fieldErrors(error),
    values: echoValues(form, secretFields),
  };
}

export function defineAction<S extends z.ZodType, X extends object = object>(
  opts: ActionOptions<S, X>,
): (prev: ActionState & Partial<X>, form: FormData) => Promise<ActionState & Partial<X>> {
  return async (_prev, form) => {
    const session = await resolveSession();
    const who = session.user ?? ("who" in session ? session.who : null);
    let reply: Exclude<ActionReply<X>, string>;
    try {
      authorize(session.user, opts.capability);
      // Until a required second factor is enrolled, only enrolling it is possible.
      if (opts.capability !== "account.security" && (await mustEnrolFirst(session)))
        throw new AppError("forbidden", "Your role requires a second factor: set one up first.");
      const nul = fieldWithNul(form);
      if (nul !== null) throw invalid("This field contains a NUL character; remove it.", nul);
      const parsed = opts.schema.safeParse(formObject(form));
      if (!parsed.success) {
        return invalidFormState(parsed.error, form, opts.secretFields) as ActionState & Partial<X>;
      }
      const r = await opts.run(parsed.data, session.user);
      reply = typeof r === "string" ? { message: r } : r;
    } catch (err) {
      return failureState(
        await settleError(err, who, `action (${opts.capability})`),
        form,
        opts.secretFields,
      ) as ActionState & Partial<X>;
    }
    if (reply.ok === false) {
      return {
        ok: false,
        message: reply.message,
        values: echoValues(form, opts.secretFields),
        ...reply.data,
      } as ActionState & Partial<X>;
    }
    const targets = opts.revalidate ?? "all";
    if (targets === "all") revalidatePath("/", "layout");
    else for (const p of targets) revalidatePath(p);
    if (reply.redirectTo) redirect(reply.redirectTo);
    return { ok: true, message: reply.message, ...reply.data } as ActionState & Partial<X>;
  };
}
