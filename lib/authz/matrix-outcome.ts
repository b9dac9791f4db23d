// What a call in the authorization matrix did, and how it is judged: refused (401/403 or a
// forbidden/unauthenticated code), broken (an exception, a 500, the generic message: a bug, never a
// business rule), or succeeded. A redirect is how a server action succeeds.
import { UNEXPECTED_MESSAGE } from "@/lib/errors";
import type { FormFields } from "./matrix-registry";

export type Outcome =
  | { kind: "redirect"; to: string }
  | { kind: "returned"; value: unknown }
  | { kind: "threw"; error: unknown }
  | { kind: "response"; status: number; body: string };

const REFUSAL_CODES = ["forbidden", "unauthenticated"];
const codeOf = (v: unknown) =>
  v && typeof v === "object" && "code" in v ? (v as { code: unknown }).code : undefined;

export function refused(o: Outcome): boolean {
  if (o.kind === "response") return o.status === 401 || o.status === 403;
  if (o.kind === "returned") return REFUSAL_CODES.includes(codeOf(o.value) as string);
  if (o.kind === "threw") return REFUSAL_CODES.includes(codeOf(o.error) as string);
  return false;
}

/** A failure that is a bug, not a business rule: an exception, a 500, the generic message. */
export function broken(o: Outcome): boolean {
  if (o.kind === "threw") return true;
  if (o.kind === "response") return o.status >= 500;
  if (o.kind === "returned" && o.value && typeof o.value === "object")
    return (o.value as { message?: unknown }).message === UNEXPECTED_MESSAGE;
  return false;
}

export function succeeded(o: Outcome): boolean {
  if (o.kind === "redirect") return true;
  if (o.kind === "response") return o.status < 400;
  if (o.kind === "returned") {
    const v = o.value;
    if (!v || typeof v !== "object") return true;
    return (v as { ok?: unknown }).ok !== false && !("code" in v);
  }
  return false;
}

export function show(o: Outcome): string {
  switch (o.kind) {
    case "redirect":
      return `redirect to ${o.to}`;
    case "response":
      return `HTTP ${o.status} ${o.body.slice(0, 300)}`;
    case "threw":
      return `threw ${o.error instanceof Error ? `${o.error.name}: ${o.error.message}` : String(o.error)}`;
    case "returned":
      return `returned ${JSON.stringify(o.value, (k, v) => (k === "values" ? undefined : v))?.slice(0, 300)}`;
  }
}

export function toForm(fields: FormFields): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const one of v) form.append(k, one);
    else form.append(k, v);
  }
  return form;
}
