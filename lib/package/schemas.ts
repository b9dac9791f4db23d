import { z } from "zod";

const optionalDay = z.union([z.literal(""), z.iso.date()]).transform((v) => v || undefined);

/** The period of a package; either day left empty falls back to the workspace's audit period. */
export const createPackageSchema = z.object({
  from: optionalDay.optional(),
  to: optionalDay.optional(),
});

/** audit-package-<from>-to-<to>-<created, compact UTC>: also the ZIP's name in the data directory. */
export const PACKAGE_ID =
  /^audit-package-(\d{4}-\d{2}-\d{2})-to-(\d{4}-\d{2}-\d{2})-(\d{8}T\d{6}Z)$/;

export const packageIdSchema = z.object({ id: z.string().regex(PACKAGE_ID, "No such package.") });
