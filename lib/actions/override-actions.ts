"use server";
import { createOverride, revokeOverride } from "@/lib/status/overrides";
import { overrideSchema, revokeOverrideSchema } from "@/lib/status/schemas";
import { defineAction } from "./safe-action";

export const overrideAction = defineAction({
  capability: "status.override",
  schema: overrideSchema,
  async run(input, user) {
    await createOverride(user, input);
    return "Override recorded.";
  },
});

export const revokeOverrideAction = defineAction({
  capability: "status.override",
  schema: revokeOverrideSchema,
  async run(input, user) {
    await revokeOverride(user, input.targetType, input.targetId);
    return "Override removed.";
  },
});
