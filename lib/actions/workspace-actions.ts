"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ADMINS } from "@/lib/auth/guard";
import { setAuditPeriod, setCategoriesInScope } from "@/lib/workspace/workspace";
import { safeAction, type ActionState } from "./safe-action";

const category = z.enum([
  "security",
  "availability",
  "processing_integrity",
  "confidentiality",
  "privacy",
]);

const saveScope = safeAction({
  roles: ADMINS,
  schema: z.object({
    categories: z
      .union([category, z.array(category)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  }),
  what: "change the scope",
  async run(input, user) {
    await setCategoriesInScope(user, input.categories);
    revalidatePath("/", "layout");
    return "Scope saved.";
  },
});

export async function saveScopeAction(prev: ActionState, form: FormData) {
  return saveScope(prev, form);
}

const period = safeAction({
  roles: ADMINS,
  schema: z
    .object({
      start: z.union([z.literal(""), z.iso.date()]).transform((v) => v || null),
      end: z.union([z.literal(""), z.iso.date()]).transform((v) => v || null),
    })
    .refine((v) => (v.start === null) === (v.end === null), {
      path: ["end"],
      message: "Set both dates, or neither",
    })
    .refine((v) => !v.start || !v.end || v.end > v.start, {
      path: ["end"],
      message: "The period must end after it starts",
    }),
  what: "change the audit period",
  async run(input, user) {
    await setAuditPeriod(user, input.start, input.end);
    revalidatePath("/", "layout");
    return "Audit period saved.";
  },
});

export async function saveAuditPeriodAction(prev: ActionState, form: FormData) {
  return period(prev, form);
}
