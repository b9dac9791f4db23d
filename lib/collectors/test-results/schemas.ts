// The shapes test results arrive in: the metadata of a run (API: multipart field, header or
// query parameter), the upload form, mapping rules and result directories.
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { isTimeZone } from "./time-zone";
import { cutText } from "@/lib/validation/storable";

/** What CI may say about a run besides the file itself. */
const runMetaSchema = z.object({
  source: z.string().trim().max(200).optional(),
  commit: z.string().trim().max(100).optional(),
  branch: z.string().trim().max(200).optional(),
  ciUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  timeZone: z
    .string()
    .trim()
    .max(100)
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin")
    .optional(),
});

export type RunMeta = z.output<typeof runMetaSchema>;

const META_SOURCES = {
  source: "x-trustboard-source",
  commit: "x-trustboard-commit",
  branch: "x-trustboard-branch",
  ciUrl: "x-trustboard-ci-url",
  timeZone: "x-trustboard-time-zone",
} as const satisfies Record<keyof RunMeta, string>;

/**
 * The run's metadata from the multipart form, else the x-trustboard-* header, else the query
 * string; an invalid value is refused naming the field.
 */
export function runMetaFrom(req: Request, form: FormData | null): RunMeta {
  const query = new URL(req.url).searchParams;
  const raw: Record<string, unknown> = {};
  for (const [name, header] of Object.entries(META_SOURCES)) {
    raw[name] = form?.get(name) ?? req.headers.get(header) ?? query.get(name) ?? undefined;
  }
  const parsed = runMetaSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "metadata");
  throw invalid(`Invalid ${field}: ${issue?.message ?? "not accepted"}`, field);
}

/** An optional text field, trimmed and cut to `max` characters; blank is null. */
const clipped = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => cutText((v ?? "").trim(), max) || null);

export const uploadResultsSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a JUnit XML or CTRF JSON file." })
    .refine((f) => f.size > 0, "Choose a JUnit XML or CTRF JSON file."),
  source: clipped(200),
  commit: clipped(100),
});

export const mappingRuleSchema = z.object({
  field: z.enum(["file", "suite", "name"]),
  pattern: z.string().trim().min(1, "Enter a pattern").max(200, "At most 200 characters"),
  controlId: z.uuid("Choose a control"),
});

export const resultDirectorySchema = z.object({
  name: z.string().trim().min(1, "Name the directory").max(100),
  path: z.string().trim().min(1, "Enter the directory's path").max(1000),
});

/** A form that names one record (a rule to remove, a directory to pull). */
export const recordIdSchema = z.object({ id: z.uuid() });
