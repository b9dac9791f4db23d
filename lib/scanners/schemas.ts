import { z } from "zod";

const column = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export const scanTargetSchema = z.object({
  name: z.string().trim().min(1, "Name the database").max(100),
  url: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, "Use a postgresql:// connection string"),
  tenantColumns: z
    .string()
    .trim()
    .max(500)
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .refine((cols) => cols.every((c) => column.test(c)), "Column names separated by commas"),
});
export type ScanTargetInput = z.output<typeof scanTargetSchema>;

export const scanTargetIdSchema = z.object({ id: z.uuid() });
export const emptySchema = z.object({});
