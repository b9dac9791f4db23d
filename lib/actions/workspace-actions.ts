"use server";
import { setAuditPeriod, setCategoriesInScope } from "@/lib/workspace/workspace";
import { auditPeriodSchema, scopeSchema } from "@/lib/workspace/schemas";
import { defineAction } from "./safe-action";

export const saveScopeAction = defineAction({
  capability: "workspace.configure",
  schema: scopeSchema,
  async run(input, user) {
    await setCategoriesInScope(user, input.categories);
    return "Scope saved.";
  },
});

export const saveAuditPeriodAction = defineAction({
  capability: "workspace.configure",
  schema: auditPeriodSchema,
  async run(input, user) {
    await setAuditPeriod(user, input.start, input.end);
    return "Audit period saved.";
  },
});
