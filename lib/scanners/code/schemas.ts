// The code query audit's forms: a directory on the server, or an uploaded ZIP of the repository,
// each with the tenant column names (comma-separated; empty for the defaults).
import { z } from "zod";

/** The largest repository ZIP the upload form takes. */
export const MAX_CODE_ARCHIVE_BYTES = 50 * 1024 * 1024;

const tenantColumns = z
  .string()
  .trim()
  .max(500)
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine(
    (cols) => cols.every((c) => /^[a-z_][a-z0-9_$]*$/.test(c)),
    "Column names like org_id, tenant_id",
  );

export const codeAuditDirectorySchema = z.object({
  path: z.string().trim().min(1, "Enter the repository directory on the server").max(4096),
  tenantColumns,
});

export const codeAuditArchiveSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a ZIP of the repository." })
    .refine((f) => f.size > 0, "Choose a ZIP of the repository.")
    .refine((f) => f.size <= MAX_CODE_ARCHIVE_BYTES, "The ZIP is larger than 50 MB."),
  tenantColumns,
});
