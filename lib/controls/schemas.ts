import { z } from "zod";
import { CRITERION_ID, criterionIds, lines, manyOf } from "@/lib/validation/fields";
import { FREQUENCIES } from "@/lib/coverage/frequency";

export const controlSchema = z
  .object({
    title: z.string().trim().min(1, "Enter a title").max(200),
    description: z.string().trim().max(10_000).optional().default(""),
    ownerId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid("Choose an owner from the list").nullable()),
    implementation: z.enum(["not_started", "in_progress", "implemented", "not_applicable"], {
      message: "Choose an implementation status",
    }),
    naJustification: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((v) => (v ? v : null)),
    // Blank = derived from the control's evidence.
    frequency: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.enum(FREQUENCIES, { message: "Choose how often the control operates" }).optional(),
    ),
    locations: lines.pipe(z.array(z.string().max(500)).max(100)),
    criteria: criterionIds,
  })
  .superRefine((v, ctx) => {
    if (v.implementation === "not_applicable" && !v.naJustification) {
      ctx.addIssue({
        code: "custom",
        path: ["naJustification"],
        message: "Explain why this control does not apply",
      });
    }
  });

export type ControlInput = z.output<typeof controlSchema>;

export const updateControlSchema = z.intersection(z.object({ id: z.uuid() }), controlSchema);

export const archiveControlSchema = z.object({
  id: z.uuid(),
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const criterionMappingSchema = z.object({
  criterionId: z.string().regex(CRITERION_ID),
  controls: manyOf(z.uuid(), 500),
});
