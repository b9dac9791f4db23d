"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ADMINS } from "@/lib/auth/guard";
import { createOverride, overrideSchema, revokeOverride } from "@/lib/status/overrides";
import { safeAction, type ActionState } from "./safe-action";

const create = safeAction({
  roles: ADMINS,
  schema: overrideSchema,
  what: "override a status",
  async run(input, user) {
    await createOverride(user, input);
    revalidatePath("/", "layout");
    return "Override recorded.";
  },
});

const revoke = safeAction({
  roles: ADMINS,
  schema: z.object({
    targetType: z.enum(["control", "criterion"]),
    targetId: z.string().min(1).max(64),
  }),
  what: "remove an override",
  async run(input, user) {
    await revokeOverride(user, input.targetType, input.targetId);
    revalidatePath("/", "layout");
    return "Override removed.";
  },
});

export async function overrideAction(prev: ActionState, form: FormData) {
  return create(prev, form);
}
export async function revokeOverrideAction(prev: ActionState, form: FormData) {
  return revoke(prev, form);
}
