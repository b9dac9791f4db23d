// The API-token forms of the settings page.
import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/auth/capabilities";
import { endOfIsoDay } from "@/lib/dates";

const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]);

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token").max(100),
  /** The streams it may push: one checkbox each (a CI job pushing test results needs one). */
  scopes: z.preprocess(
    list,
    z.array(z.enum(TOKEN_SCOPES)).min(1, "Choose at least one stream the token may push"),
  ),
  /** "Expires after" a day: valid through the end of that UTC day; the form fills in a year. */
  expires: z
    .union([z.literal(""), z.iso.date()])
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const end = endOfIsoDay(v);
      if (!end) ctx.addIssue({ code: "custom", message: "Not a date (YYYY-MM-DD)" });
      else if (end <= new Date()) ctx.addIssue({ code: "custom", message: "That day has passed" });
      return end;
    }),
  source: z
    .string()
    .trim()
    .max(200)
    .regex(/^[\w .:/@-]*$/, "Letters, digits, spaces and . : / @ - _ only")
    .optional()
    .transform((v) => v || null),
  /** Control refs and criterion ids, separated by commas or spaces. */
  evidences: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean))
    .refine((ids) => ids.every((id) => /^(CTL-\d+|(?:CC|PI|A|C|P)\d\.\d)$/i.test(id)), {
      message: "Control refs (CTL-004) or criterion ids (CC6.1), separated by commas",
    }),
});

export const revokeTokenSchema = z.object({ id: z.uuid() });
export const takeOverTokenSchema = z.object({ id: z.uuid() });
