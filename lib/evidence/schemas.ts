import { z } from "zod";
import { blankToNull, CRITERION_ID, hasNoNul, manyOf } from "@/lib/validation/fields";
import { pageParam } from "@/lib/paging/page-window";

const day = z.iso.date("Use a date (YYYY-MM-DD)");
const optionalDay = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(day.optional());

/** The chosen file; its size and content are checked when it is read (upload.ts). */
const file = z.instanceof(File, { message: "Choose a file to upload." }).optional();
const secrets = z.enum(["redact", "keep"]).optional();

export const evidenceSchema = z
  .object({
    title: z.string().trim().min(1, "Enter a title").max(300),
    description: z.string().trim().max(10_000).optional().default(""),
    kind: z.enum(["file", "link", "note"], { message: "Choose file, link or note" }),
    url: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(
        z
          .url({ protocol: /^https?$/, message: "Use an http(s) address" })
          .max(2000)
          .optional(),
      ),
    body: z
      .string()
      .max(100_000)
      .optional()
      .transform((v) => (v?.trim() ? v : undefined)),
    evidenceDate: day,
    periodStart: optionalDay,
    periodEnd: optionalDay,
    expiresOn: optionalDay,
    renewalDays: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : undefined))
      .pipe(z.number().int("Whole days").min(1).max(3650).optional()),
    controls: manyOf(z.uuid("Unknown control"), 200),
    submit: z.enum(["draft", "review"]).optional().default("review"),
    secrets,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "link" && !v.url)
      ctx.addIssue({ code: "custom", path: ["url"], message: "Enter the link" });
    if (v.kind === "note" && !v.body)
      ctx.addIssue({ code: "custom", path: ["body"], message: "Write the note" });
    if (v.periodStart && v.periodEnd && v.periodEnd < v.periodStart)
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "The period ends before it starts",
      });
    if (v.expiresOn && v.expiresOn < v.evidenceDate)
      ctx.addIssue({
        code: "custom",
        path: ["expiresOn"],
        message: "Expires before the evidence date",
      });
  });

export type EvidenceFields = z.output<typeof evidenceSchema>;

/** The "add evidence" form: the fields, and the file when the kind is file. */
export const createEvidenceSchema = z.intersection(z.object({ file }), evidenceSchema);

/** A new revision of file evidence. */
export const revisionSchema = z.object({ id: z.uuid(), secrets, file });

export const reviewSchema = z
  .object({
    id: z.uuid(),
    decision: z.enum(["accept", "reject"]),
    comment: z.string().trim().max(4000).optional().default(""),
    /** The SHA-256 of the revision shown to the reviewer (file evidence). */
    revision: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "Not a SHA-256")
      .optional()
      .transform((v) => v ?? null),
  })
  .refine((v) => v.decision === "accept" || v.comment.length > 0, {
    path: ["comment"],
    message: "Say why the evidence is rejected",
  });

/** The download address /api/evidence/<id>/revisions/<number>. */
export const revisionParamsSchema = z.object({
  id: z.uuid(),
  number: z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
});

/** Which controls evidence proves (a list of control ids; empty unlinks it). */
export const evidenceControlsSchema = z.object({
  id: z.uuid(),
  controls: manyOf(z.uuid("Unknown control"), 200),
});

/** Sortable columns of the evidence library (controls and criteria are lists: filter, not sort). */
export const EVIDENCE_SORTS = ["title", "kind", "state", "date", "expiry"] as const;
export type EvidenceSort = (typeof EVIDENCE_SORTS)[number];

const oneOrNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => blankToNull(Array.isArray(v) ? v[0] : v), schema.nullable()).catch(null);

/** The library's URL: search, filters, sort and page (anything unknown is ignored, not a 500). */
export const evidenceListSchema = z.object({
  // Text that PostgreSQL cannot take (a NUL) is no search rather than a 500.
  q: oneOrNull(z.string().trim().max(200).refine(hasNoNul)),
  kind: oneOrNull(z.enum(["file", "link", "note", "automated"])),
  state: oneOrNull(z.enum(["draft", "in_review", "accepted", "rejected", "expired"])),
  control: oneOrNull(z.string().trim().min(1).max(100).refine(hasNoNul)),
  criterion: oneOrNull(z.string().regex(CRITERION_ID)),
  expiry: oneOrNull(z.enum(["expired", "7", "30", "90"])),
  sort: oneOrNull(z.enum(EVIDENCE_SORTS)),
  dir: oneOrNull(z.enum(["asc", "desc"])),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), pageParam),
});
export type EvidenceListQuery = z.output<typeof evidenceListSchema>;
