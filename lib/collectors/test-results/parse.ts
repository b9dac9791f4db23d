import { tooLarge } from "@/lib/errors";
import { parseCtrf } from "./ctrf";
import { parseJUnit, parseJUnitYielding, type JUnitOptions } from "./junit";
import { TestResultParseError, type ParsedRun } from "./types";

import { MAX_RESULT_BYTES } from "@/lib/http/upload-limits";

export { MAX_RESULT_BYTES };

/**
 * JUnit XML or CTRF JSON, told apart by content (a file name or Content-Type can lie).
 * `timeZone` is the zone of JUnit timestamps written without one (UTC by default).
 */
export function parseTestResults(content: string, opts: JUnitOptions = {}): ParsedRun {
  const { format, body } = recognise(content);
  return format === "ctrf" ? parseCtrf(body) : parseJUnit(body, opts);
}

/** The same, giving the event loop a turn between slices of a JUnit file (see parseJUnitYielding). */
export async function parseTestResultsYielding(
  content: string,
  opts: JUnitOptions = {},
): Promise<ParsedRun> {
  const { format, body } = recognise(content);
  return format === "ctrf" ? parseCtrf(body) : parseJUnitYielding(body, opts);
}

function recognise(content: string): { format: "ctrf" | "junit"; body: string } {
  if (content.length > MAX_RESULT_BYTES)
    throw tooLarge(`The file is larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB.`);
  const body = content.replace(/^\uFEFF/, "").trimStart();
  if (body === "") throw new TestResultParseError("The file is empty.");
  if (body.startsWith("{")) return { format: "ctrf", body };
  if (body.startsWith("<")) return { format: "junit", body };
  throw new TestResultParseError(
    "Not JUnit XML or CTRF JSON: the content starts with neither '<' nor '{'.",
  );
}
