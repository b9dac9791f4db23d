import { z } from "zod";
import { CRITERION_ID } from "@/lib/validation/fields";

const target = {
  targetType: z.enum(["control", "criterion"]),
  targetId: z.string().min(1).max(64),
};

/** A control is named by its uuid, a criterion by its id (CC6.1). */
const targetShape = (v: { targetType: string; targetId: string }, ctx: z.RefinementCtx) => {
  const ok =
    v.targetType === "control"
      ? z.uuid().safeParse(v.targetId).success
      : CRITERION_ID.test(v.targetId);
  if (!ok) ctx.addIssue({ code: "custom", path: ["targetId"], message: `Unknown ${v.targetType}` });
};

export const overrideSchema = z
  .object({
    ...target,
    status: z.enum(["met", "at_risk", "gap", "not_started", "not_applicable"], {
      message: "Choose the status to show",
    }),
    justification: z
      .string()
      .trim()
      .min(20, "Write a justification of at least 20 characters")
      .max(4000),
    until: z.iso.date("Choose the last day the override applies"),
  })
  .superRefine(targetShape);

export type OverrideInput = z.output<typeof overrideSchema>;

export const revokeOverrideSchema = z.object(target).superRefine(targetShape);
