// The cases of a run in binary COPY format for "test_case_results", built and sent in pieces.
import { BinaryRows, uuidArrayField, uuidField } from "@/lib/db/copy-binary";
import type { ParsedCase } from "./types";

export const CASE_COLUMNS = `"test_case_results" ("run_id", "suite", "classname", "name", "file", "status", "flaky", "duration_ms", "message", "control_ids")`;
const FIELDS = 10;
/**
 * Rows per piece. The pieces are sent as they are built, so PostgreSQL stores the first rows
 * while the next are written (the two cores work at once), and the bytes held at once stay small
 * for very large files.
 */
export const COPY_PIECE_ROWS = 1_000;

/** The cases as binary COPY tuples, one piece of `COPY_PIECE_ROWS` rows at a time. */
export async function* caseCopyPieces(
  runId: string,
  cases: readonly ParsedCase[],
  controlIds: readonly string[][],
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const run = uuidField(runId);
  // Cases name few distinct lists of controls (a suite's cases share its tags): each is encoded once.
  const encoded = new Map<string, Buffer>();
  const rows = new BinaryRows();
  for (let i = 0; i < cases.length; i += COPY_PIECE_ROWS) {
    const end = Math.min(cases.length, i + COPY_PIECE_ROWS);
    for (let j = i; j < end; j++) {
      const c = cases[j]!;
      const ids = controlIds[j]!;
      const list = ids.join(",");
      let array = encoded.get(list);
      if (array === undefined) encoded.set(list, (array = uuidArrayField(ids)));
      rows
        .row(FIELDS)
        .raw(run)
        .text(c.suite)
        .text(c.classname)
        .text(c.name)
        .text(c.file)
        .text(c.status)
        .bool(c.flaky)
        .int4(c.durationMs)
        .text(c.message)
        .raw(array);
    }
    yield rows.take();
  }
}
