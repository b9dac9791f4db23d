import { z } from "zod";
import {
  CRITERION_ID,
  blankToNull,
  criterionIds,
  hasNoNul,
  lines,
  manyOf,
  optionalUuid,
} from "@/lib/validation/fields";
import { parseIsoDay } from "@/lib/dates";
import { pageParam } from "@/lib/paging/page-window";
import { PRIORITIES, STATUSES } from "./workflow";

/** An item key: BL-131, or a scanner's own like SCAN-42. */
const ITEM_KEY = /^[A-Z][A-Z0-9]*-\d+$/;

/** For the item page's parameter: only a well-formed key can name an item. */
export const isItemKey = (v: string): boolean => ITEM_KEY.test(v);
const LIKELIHOOD = ["very_low", "low", "medium", "high", "very_high"] as const;
const IMPACT = ["low", "medium", "high", "critical", "catastrophic"] as const;

export const riskSchema = z.object({
  risk: z.string().trim().max(300).default(""),
  likelihood: z.enum(LIKELIHOOD),
  impact: z.enum(IMPACT),
  cvss: z.number().min(0).max(10).nullable().default(null),
});
export type Risk = z.output<typeof riskSchema>;
export const LIKELIHOOD_OPTIONS = LIKELIHOOD;
export const IMPACT_OPTIONS = IMPACT;
export const LIKELIHOOD_LABEL: Record<Risk["likelihood"], string> = {
  very_low: "very low",
  low: "low",
  medium: "medium",
  high: "high",
  very_high: "very high",
};

/** Risk from flat form fields ("riskBeforeLikelihood", …): all empty → null, partly filled → an error. */
function riskFields(prefix: "riskBefore" | "riskAfter") {
  return {
    [`${prefix}Risk`]: z.string().trim().max(300).optional().default(""),
    [`${prefix}Likelihood`]: z.preprocess(blankToNull, z.enum(LIKELIHOOD).nullable()),
    [`${prefix}Impact`]: z.preprocess(blankToNull, z.enum(IMPACT).nullable()),
    [`${prefix}Cvss`]: z.preprocess(
      blankToNull,
      z.coerce
        .number({ message: "CVSS is a number from 0 to 10" })
        .min(0, "CVSS is 0–10")
        .max(10, "CVSS is 0–10")
        .nullable(),
    ),
  } as Record<string, z.ZodType>;
}

function collectRisk(
  v: Record<string, unknown>,
  prefix: "riskBefore" | "riskAfter",
): Risk | null | string {
  const likelihood = v[`${prefix}Likelihood`] as Risk["likelihood"] | null;
  const impact = v[`${prefix}Impact`] as Risk["impact"] | null;
  const cvss = v[`${prefix}Cvss`] as number | null;
  const risk = (v[`${prefix}Risk`] as string) ?? "";
  if (!likelihood && !impact && cvss === null && !risk) return null;
  if (!likelihood || !impact) return "Give both likelihood and impact, or leave the risk empty";
  return { risk, likelihood, impact, cvss };
}

export const backlogSchema = z
  .object({
    key: z.preprocess(
      blankToNull,
      z.string().trim().toUpperCase().regex(ITEM_KEY, "Use a key like BL-131").nullable(),
    ),
    title: z.string().trim().min(1, "Enter a title").max(300),
    description: z.string().trim().max(20_000).optional().default(""),
    priority: z.enum(PRIORITIES, { message: "Choose a priority" }),
    ownerId: optionalUuid,
    dueDate: z
      .preprocess(blankToNull, z.iso.date("Enter a date").nullable())
      .transform((d) => (d ? parseIsoDay(d) : null)),
    controls: manyOf(z.uuid(), 200),
    criteria: criterionIds,
    checklist: lines.pipe(z.array(z.string().max(1000)).max(100)),
    ...riskFields("riskBefore"),
    ...riskFields("riskAfter"),
  })
  .transform((v, ctx) => {
    const before = collectRisk(v, "riskBefore");
    const after = collectRisk(v, "riskAfter");
    if (typeof before === "string")
      ctx.addIssue({ code: "custom", path: ["riskBeforeLikelihood"], message: before });
    if (typeof after === "string")
      ctx.addIssue({ code: "custom", path: ["riskAfterLikelihood"], message: after });
    return {
      key: v.key as string | null,
      title: v.title as string,
      description: v.description as string,
      priority: v.priority as (typeof PRIORITIES)[number],
      ownerId: v.ownerId as string | null,
      dueDate: v.dueDate as Date | null,
      controls: [...new Set(v.controls as string[])],
      criteria: [...new Set(v.criteria as string[])],
      checklist: v.checklist as string[],
      riskBefore: typeof before === "string" ? null : before,
      riskAfter: typeof after === "string" ? null : after,
    };
  });
export type BacklogInput = z.output<typeof backlogSchema>;

export const updateBacklogSchema = z.intersection(z.object({ id: z.uuid() }), backlogSchema);

export const transitionSchema = z.object({
  itemId: z.uuid(),
  to: z.enum(STATUSES, { message: "Choose the new status" }),
  justification: z.string().trim().max(5000).optional().default(""),
});

export const checkSchema = z.object({
  checkId: z.uuid(),
  checked: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const removeCheckSchema = z.object({ checkId: z.uuid() });

export const addCheckSchema = z.object({
  itemId: z.uuid(),
  text: z.string().trim().min(1, "Describe the check").max(1000),
});

/** Filters of the backlog table, from the page's or the export's query string. */
export const backlogFilterSchema = z.object({
  priority: z.preprocess(blankToNull, z.enum(PRIORITIES).nullable()).catch(null),
  status: z
    .preprocess(blankToNull, z.enum([...STATUSES, "active", "closed"]).nullable())
    .catch(null),
  owner: z.preprocess(blankToNull, z.uuid().nullable()).catch(null),
  criterion: z.preprocess(blankToNull, z.string().regex(CRITERION_ID).nullable()).catch(null),
  overdue: z.preprocess((v) => v === "1" || v === "true", z.boolean()).catch(false),
  /** Words in the key or title. */
  q: z.preprocess(blankToNull, z.string().trim().max(200).refine(hasNoNul).nullable()).catch(null),
});
export type BacklogFilter = z.output<typeof backlogFilterSchema>;

/** Sortable columns of the backlog table (criteria and checks are lists: filter, not sort). */
export const BACKLOG_SORTS = ["key", "title", "priority", "status", "owner", "due"] as const;
export type BacklogSort = (typeof BACKLOG_SORTS)[number];

/** The backlog page's URL: the filters, plus sort and page (which the CSV export ignores). */
export const backlogListSchema = backlogFilterSchema.extend({
  sort: z.preprocess(blankToNull, z.enum(BACKLOG_SORTS).nullable()).catch(null),
  dir: z.preprocess(blankToNull, z.enum(["asc", "desc"]).nullable()).catch(null),
  page: pageParam,
});
export type BacklogListQuery = z.output<typeof backlogListSchema>;

export const findingSchema = z.object({
  controlId: z.uuid(),
  finding: z.string().trim().min(1).max(2000),
  priority: z.enum(PRIORITIES, { message: "Choose a priority" }),
});

/** A finding pushed by a scanner as JSON (POST /api/v1/findings). */
export const findingBodySchema = z.object({
  key: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ITEM_KEY, "key looks like BL-131 or SCAN-42")
    .optional(),
  title: z.string().trim().min(1, "title is required").max(300),
  description: z.string().trim().max(20_000).default(""),
  priority: z.enum(PRIORITIES, { message: "priority is one of P0, P1, P2, P3" }),
  controls: z.array(z.string().trim().min(1)).max(200).default([]),
  criteria: z
    .array(z.string().regex(CRITERION_ID, "criteria are ids like CC6.1"))
    .max(61)
    .default([]),
  checklist: z.array(z.string().trim().min(1).max(1000)).max(100).default([]),
  dueDate: z.iso.date("dueDate is YYYY-MM-DD").optional(),
  source: z.string().trim().max(200).default(""),
});
export type FindingBody = z.output<typeof findingBodySchema>;
