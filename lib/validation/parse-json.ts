// JSON bodies from machines: parsed, then validated, with one 400 naming every bad field.
import type { z } from "zod";
import { invalid } from "@/lib/errors";
import { nulPath, UNPAIRED_SURROGATE_MESSAGE, unpairedSurrogatePath } from "./storable";

export function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid("The body is not valid JSON.");
  }
  const nul = nulPath(json);
  if (nul !== null) throw invalid(`${nul}: contains a NUL character.`, nul);
  const half = unpairedSurrogatePath(json);
  if (half !== null) throw invalid(`${half}: ${UNPAIRED_SURROGATE_MESSAGE}`, half);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalid(zodMessage(parsed.error));
  return parsed.data;
}
