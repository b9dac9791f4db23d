import { z } from "zod";
import { parseBigintCursor } from "@/lib/validation/params";
import { hasNoNul } from "@/lib/validation/fields";

/** The activity page's filters, read from the URL: anything malformed is ignored, not refused. */
export const activityFilterSchema = z.object({
  action: z.string().trim().max(100).refine(hasNoNul).optional().catch(undefined),
  actor: z.string().trim().max(320).refine(hasNoNul).optional().catch(undefined),
  entity: z.string().trim().max(100).refine(hasNoNul).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  // A sequence number within int8: 27 digits would reach the database as an out-of-range value.
  before: z
    .string()
    .refine((v) => parseBigintCursor(v) !== null)
    .optional()
    .catch(undefined),
});
export type ActivityFilter = z.infer<typeof activityFilterSchema>;

/** The "Verify chain" button submits no fields. */
export const verifyChainSchema = z.object({});
