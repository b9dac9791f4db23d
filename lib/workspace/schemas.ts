import { z } from "zod";
import { CATEGORIES } from "@/lib/catalog/labels";
import type { CriterionCategory } from "@/lib/generated/prisma/enums";
import { manyOf } from "@/lib/validation/fields";

const category = z.enum(CATEGORIES as [CriterionCategory, ...CriterionCategory[]]);

export const scopeSchema = z.object({
  categories: manyOf(category, CATEGORIES.length),
});

const optionalDay = z.union([z.literal(""), z.iso.date()]).transform((v) => v || null);

export const auditPeriodSchema = z
  .object({ start: optionalDay, end: optionalDay })
  .refine((v) => (v.start === null) === (v.end === null), {
    path: ["end"],
    message: "Set both dates, or neither",
  })
  .refine((v) => !v.start || !v.end || v.end > v.start, {
    path: ["end"],
    message: "The period must end after it starts",
  });
