// One shape for every server action: resolve the session, check the role, validate with
// zod, run, and turn failures into a message for useActionState. Server actions can be
// POSTed directly, so none of this may be left to a layout or to hidden buttons.
import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { UserError } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/types";
import type { Role } from "@/lib/generated/prisma/enums";

export interface ActionState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** What the user typed (secrets excluded), so a refused form keeps its fields after React resets it. */
  values?: Record<string, string>;
}

const SECRET_FIELD = /password|confirm|secret|token/i;

export function echoValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !SECRET_FIELD.test(key))
      out[key] = value;
  }
  return out;
}

export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key);
    out[key] = all.length > 1 || key.endsWith("[]") ? all : all[0];
  }
  return out;
}

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function userMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  console.error("[action]", err instanceof Error ? err.message : err);
  return "Something went wrong and nothing was saved. Try again; if it persists, check the server log.";
}

/** The session and role check every action starts with; actions taking files call it directly. */
export async function actionUser(
  roles: readonly Role[],
  what: string,
): Promise<
  { user: SessionUser; refused?: undefined } | { user?: undefined; refused: ActionState }
> {
  const user = await getSessionUser();
  if (!user) return { refused: { ok: false, message: "Your session has ended. Sign in again." } };
  if (!roles.includes(user.role))
    return {
      refused: { ok: false, message: `Your role (${user.role}) is not allowed to ${what}.` },
    };
  return { user };
}

export function safeAction<S extends z.ZodType>(opts: {
  roles: readonly Role[];
  schema: S;
  what: string;
  run: (input: z.output<S>, user: SessionUser) => Promise<string | void>;
}) {
  return async (_prev: ActionState, form: FormData): Promise<ActionState> => {
    const { user, refused } = await actionUser(opts.roles, opts.what);
    if (refused) return refused;
    const parsed = opts.schema.safeParse(formObject(form));
    if (!parsed.success)
      return {
        ok: false,
        message: "Check the highlighted fields.",
        errors: fieldErrors(parsed.error),
        values: echoValues(form),
      };
    try {
      const message = await opts.run(parsed.data, user);
      return { ok: true, message: message ?? "Saved." };
    } catch (err) {
      return { ok: false, message: userMessage(err), values: echoValues(form) };
    }
  };
}

/** Sends the browser to the new or saved record when the action reported "created:<id>" or "saved:<id>". */
export function redirectWhenDone(result: ActionState, path: (id: string) => string): ActionState {
  const done = result.ok ? /^(?:created|saved):(.+)$/.exec(result.message ?? "") : null;
  if (done) redirect(path(done[1]));
  return result;
}
