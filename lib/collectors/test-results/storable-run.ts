// A parsed run checked against what its columns hold, before anything is stored: a NUL
// character, a duration beyond int4 or a date outside 1970–9999 is refused (400) naming the
// test case and field, instead of failing the insert half-way (500).
import { invalid } from "@/lib/errors";
import {
  isStorableInt,
  isStorableTime,
  nulPath,
  UNPAIRED_SURROGATE_MESSAGE,
  unpairedSurrogatePath,
} from "@/lib/validation/storable";
import type { IngestMeta } from "./ingest";
import type { ParsedRun } from "./types";

const CASE_TEXT = ["suite", "classname", "name", "file", "message"] as const;

export function assertStorableRun(run: ParsedRun, meta: IngestMeta): void {
  for (const field of ["fileName", "source", "commit", "branch", "ciUrl"] as const) {
    if (nulPath(meta[field] ?? null) !== null)
      throw invalid(`The ${field} contains a NUL character.`, field);
  }
  if (run.tool !== null && nulPath(run.tool) !== null)
    throw invalid('The run\'s "tool" contains a NUL character.', "tool");
  if (run.startedAt && !isStorableTime(run.startedAt))
    throw invalid("The run's start time is out of range (years 1970 to 9999).", "startedAt");
  for (const [i, c] of run.cases.entries()) {
    const where = `Test case ${i + 1} ("${c.name.replaceAll("\u0000", "\\0").slice(0, 100)}")`;
    for (const field of CASE_TEXT)
      if (nulPath(c[field]) !== null)
        throw invalid(`${where}, field "${field}": contains a NUL character.`, field);
    const prop = nulPath(c.properties);
    if (prop !== null)
      throw invalid(`${where}, property "${prop}": contains a NUL character.`, "properties");
    // The properties are jsonb, which refuses half a surrogate pair (CTRF's values have become
    // U+FFFD in its parse; a label's name has not).
    const half = unpairedSurrogatePath(c.properties);
    if (half !== null)
      throw invalid(`${where}, property "${half}": ${UNPAIRED_SURROGATE_MESSAGE}`, "properties");
    if (!isStorableInt(c.durationMs))
      throw invalid(
        `${where}, field "duration": ${c.durationMs} ms is out of range (0 to 2147483647 ms).`,
        "duration",
      );
  }
  // After the cases: a run's total is out of range mostly because one case is.
  if (!isStorableInt(run.durationMs))
    throw invalid(
      `The run's duration (${run.durationMs} ms) is out of range (0 to 2147483647 ms).`,
      "duration",
    );
}
