import { z } from "zod";

const optionalDay = z.union([z.literal(""), z.iso.date()]).transform((v) => v || undefined);

/** The period of a package; either day left empty falls back to the workspace's audit period. */
export const createPackageSchema = z.object({
  from: optionalDay.optional(),
  to: optionalDay.optional(),
});

export const packageIdSchema = z.object({
  id: z.string().regex(/^audit-package-[0-9TZ-]+$/, "No such package."),
});
