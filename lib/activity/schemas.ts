import { z } from "zod";

/** The activity page's filters, read from the URL: anything malformed is ignored, not refused. */
export const activityFilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(320).optional().catch(undefined),
  entity: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.string().regex(/^\d+$/).optional().catch(undefined),
});
export type ActivityFilter = z.infer<typeof activityFilterSchema>;

/** The "Verify chain" button submits no fields. */
export const verifyChainSchema = z.object({});
