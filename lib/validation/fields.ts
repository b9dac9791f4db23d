// Form-field shapes shared by every schema: one definition of a criterion id, of "one per line",
// of a multi-value field, and of an optional choice left blank.
import { z } from "zod";

export const CRITERION_ID = /^(CC|A|C|PI|P)\d\.\d$/;

/** PostgreSQL text cannot hold a NUL character: such a value is refused before the database. */
export const hasNoNul = (s: string): boolean => !s.includes("\u0000");
export const NUL_MESSAGE = "must not contain a NUL character";

export const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** A textarea read one trimmed, non-empty line per entry. */
export const lines = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  );

/** A field that arrives once, several times or not at all (checkboxes), as a trimmed list. */
export const manyOf = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean),
    )
    .pipe(z.array(item).max(max));

export const criterionIds = manyOf(z.string().regex(CRITERION_ID, "Unknown criterion id"), 61);

/** A select whose empty choice means "none". */
export const optionalUuid = z.preprocess(blankToNull, z.uuid("Choose from the list").nullable());

const UUID = z.uuid();

/** For route and page parameters: is it a well-formed uuid (anything else names nothing)? */
export const isUuid = (v: string): boolean => UUID.safeParse(v).success;
