// The shapes of audit-event input: expected events, the event-type mapping, population samples,
// PostgreSQL sources and uploads.
import { z } from "zod";
import { parseIsoDay } from "@/lib/dates";
import { CRITERION_ID, NUL_MESSAGE, blankToNull, hasNoNul } from "@/lib/validation/fields";

/** An event type as stored: lower case, letters, digits and _ . : - */
const eventType = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the event type")
  .max(100)
  .regex(/^[a-z0-9_.:-]+$/, "Letters, digits, _ . : - only");

export const idSchema = z.object({ id: z.uuid() });

export const expectedEventSchema = z.object({
  controlId: z.uuid(),
  action: eventType,
  maxSilenceDays: z.coerce
    .number()
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days"),
});
export type ExpectedEventInput = z.output<typeof expectedEventSchema>;

export const actionMappingSchema = z.object({
  action: eventType,
  /** One text field: "CC6.1, CC7.2"; empty removes the event type from the mapping. */
  criteria: z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z.array(z.string().regex(CRITERION_ID, "Criteria like CC6.1, separated by commas")).max(61),
    ),
});
export type ActionMappingInput = z.output<typeof actionMappingSchema>;

const isoDayField = (message: string) =>
  z.iso.date(message).refine((d) => parseIsoDay(d) !== null, message);

export const sampleSchema = z.object({
  criterion: z.string().regex(CRITERION_ID, "Choose a criterion"),
  action: z.string().trim().min(1, "Choose an event type").max(100).refine(hasNoNul, NUL_MESSAGE),
  from: isoDayField("Choose the first day"),
  to: isoDayField("Choose the last day"),
  // Blank with a control chosen: the size its frequency suggests (lib/coverage/frequency.ts).
  n: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(500).nullable()).default(null),
  /** The control being tested: suggests the size and spreads the sample across the period. */
  control: z
    .preprocess(blankToNull, z.uuid("Choose a control from the list").nullable())
    .default(null),
  seed: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || Math.random().toString(36).slice(2, 10)),
});
export type SampleRequest = z.output<typeof sampleSchema>;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ident = z.string().trim().regex(IDENT, "Use a plain column name (letters, digits, _)");
const optionalIdent = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .pipe(ident.optional());

/** Which source column holds which event field (time and action are required). */
export const columnsSchema = z.object({
  time: ident,
  action: ident,
  actor: optionalIdent,
  organisation: optionalIdent,
  ip: optionalIdent,
  outcome: optionalIdent,
  target: optionalIdent,
});

const sourceSchema = z.object({
  name: z.string().trim().min(1, "Name the source").max(100),
  url: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "Use a postgresql:// connection string"),
  tableName: z
    .string()
    .trim()
    .regex(/^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/, "Use table or schema.table"),
  cursorColumn: ident,
  columns: columnsSchema,
});
export type SourceConfig = z.output<typeof sourceSchema>;

/** The source form: flat fields (col_time, col_action, …) and which button was pressed. */
export const sourceFormSchema = z
  .object({
    /** The "Test connection" button sends "test"; anything else saves. */
    intent: z
      .string()
      .optional()
      .transform((v): "test" | "save" => (v === "test" ? "test" : "save")),
    name: sourceSchema.shape.name,
    url: sourceSchema.shape.url,
    tableName: sourceSchema.shape.tableName,
    cursorColumn: ident,
    col_time: ident,
    col_action: ident,
    col_actor: optionalIdent,
    col_organisation: optionalIdent,
    col_ip: optionalIdent,
    col_outcome: optionalIdent,
    col_target: optionalIdent,
  })
  .transform((f): { intent: "test" | "save"; config: SourceConfig } => ({
    intent: f.intent,
    config: {
      name: f.name,
      url: f.url,
      tableName: f.tableName,
      cursorColumn: f.cursorColumn,
      columns: {
        time: f.col_time,
        action: f.col_action,
        actor: f.col_actor,
        organisation: f.col_organisation,
        ip: f.col_ip,
        outcome: f.col_outcome,
        target: f.col_target,
      },
    },
  }));

/** An uploaded export of the audit log; its size and content are checked when it is read. */
export const uploadEventsSchema = z.object({
  file: z.instanceof(File, { message: "Choose a JSON Lines or CSV file." }),
});
