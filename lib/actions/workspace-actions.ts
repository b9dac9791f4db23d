"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ADMINS } from "@/lib/auth/guard";
import { setCategoriesInScope } from "@/lib/workspace/workspace";
import { safeAction, type ActionState } from "./safe-action";

const category = z.enum(["security", "availability", "processing_integrity", "confidentiality", "privacy"]);

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
