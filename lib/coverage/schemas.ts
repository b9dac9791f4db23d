import { z } from "zod";
import { blankToNull, CRITERION_ID } from "@/lib/validation/fields";
import { CATEGORIES } from "@/lib/catalog/labels";
import { FREQUENCIES } from "./frequency";

/** /coverage and its CSV export: filters from the URL; a bad value is ignored, not an error. */
export const coverageFilterSchema = z.object({
  criterion: z.preprocess(blankToNull, z.string().regex(CRITERION_ID).nullable()).catch(null),
  owner: z.preprocess(blankToNull, z.uuid().nullable()).catch(null),
  frequency: z.preprocess(blankToNull, z.enum(FREQUENCIES).nullable()).catch(null),
  category: z.preprocess(blankToNull, z.enum(CATEGORIES).nullable()).catch(null),
});
export type CoverageFilter = z.output<typeof coverageFilterSchema>;
