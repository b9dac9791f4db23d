"use server";
import { codeAuditArchiveSchema, codeAuditDirectorySchema } from "@/lib/scanners/code/schemas";
import {
  runCodeAuditOnArchive,
  runCodeAuditOnDirectory,
  type CodeAuditRun,
} from "@/lib/scanners/code/run-code-audit";
import { defineAction } from "./safe-action";

function summary(run: CodeAuditRun): string {
  const t = run.report.totals;
  const d = run.recorded?.diff;
  return `Audited ${t.files} file(s): ${t.statements} statement(s), ${t.tenant.statements} on tenant-scoped tables, ${t.findings} without a tenant predicate, ${t.notAnalysed} not analysed.${d ? ` ${d.new.length} new, ${d.fixed.length} fixed, ${d.stillOpen.length} still open.` : ""}`;
}

export const auditCodeDirectoryAction = defineAction({
  capability: "scans.run",
  schema: codeAuditDirectorySchema,
  revalidate: ["/scans/code", "/backlog", "/evidence"],
  async run({ path, tenantColumns }, user) {
    return summary(await runCodeAuditOnDirectory(user, { path, tenantColumns }));
  },
});

export const auditCodeArchiveAction = defineAction({
  capability: "scans.run",
  schema: codeAuditArchiveSchema,
  revalidate: ["/scans/code", "/backlog", "/evidence"],
  async run({ file, tenantColumns }, user) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return summary(
      await runCodeAuditOnArchive(user, {
        fileName: file.name.slice(0, 200),
        bytes,
        tenantColumns,
      }),
    );
  },
});
