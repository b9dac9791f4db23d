// The cases of a run as COPY text for "test_case_results", built and sent in pieces.
import { copyField } from "../audit/copy-batch";
import type { ParsedCase } from "./types";

export const CASE_COLUMNS = `"test_case_results" ("run_id", "suite", "classname", "name", "file", "status", "flaky", "duration_ms", "message", "control_ids")`;
/**
 * Rows per piece of COPY text. The pieces are sent as they are built, so PostgreSQL stores the
 * first rows while the next are written (the two cores work at once), and the text held at once
 * stays small for very large files.
 */
export const COPY_PIECE_ROWS = 1_000;

/** The cases as COPY text, one piece of `COPY_PIECE_ROWS` rows at a time. */
export async function* caseCopyPieces(
  runId: string,
  cases: readonly ParsedCase[],
  controlIds: readonly string[][],
): AsyncGenerator<string> {
  // A suite's cases share one array of control ids (mapping.ts): written out once per array.
  const written = new Map<readonly string[], string>();
  for (let i = 0; i < cases.length; i += COPY_PIECE_ROWS) {
    let text = "";
    const end = Math.min(cases.length, i + COPY_PIECE_ROWS);
    for (let j = i; j < end; j++) {
      const c = cases[j]!;
      const ids = controlIds[j]!;
      let array = written.get(ids);
      if (array === undefined) written.set(ids, (array = `{${ids.join(",")}}`));
      text += `${runId}\t${copyField(c.suite)}\t${copyField(c.classname)}\t${copyField(c.name)}\t${copyField(c.file)}\t${c.status}\t${c.flaky ? "t" : "f"}\t${c.durationMs}\t${copyField(c.message)}\t${array}\n`;
    }
    yield text;
  }
}
