"use server";
import { codeAuditArchiveSchema, codeAuditDirectorySchema } from "@/lib/scanners/code/schemas";
import {
  runCodeAuditOnArchive,
  runCodeAuditOnDirectory,
  type CodeAuditRun,
} from "@/lib/scanners/code/run-code-audit";
import { recordedScanMessage } from "@/lib/scanners/messages";
import { scanOwnDatabase, scanTarget } from "@/lib/scanners/postgres/run-posture-scan";
import { addScanTarget, removeScanTarget } from "@/lib/scanners/scan-targets";
import { emptySchema, scanTargetIdSchema, scanTargetSchema } from "@/lib/scanners/schemas";
import { defineAction } from "./safe-action";
import { cutText } from "@/lib/validation/storable";

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
        fileName: cutText(file.name, 200),
        bytes,
        tenantColumns,
      }),
    );
  },
});

export const addScanTargetAction = defineAction({
  capability: "scans.configure",
  schema: scanTargetSchema,
  secretFields: ["url"],
  async run(input, user) {
    const t = await addScanTarget(user, input);
    return `Saved "${input.name}": database ${t.database}, ${t.tables} tables. Scan it now or wait for the schedule.`;
  },
});

export const removeScanTargetAction = defineAction({
  capability: "scans.configure",
  schema: scanTargetIdSchema,
  async run({ id }, user) {
    return `Removed "${await removeScanTarget(user, id)}"; its scans stay.`;
  },
});

export const runScanTargetAction = defineAction({
  capability: "scans.run",
  schema: scanTargetIdSchema,
  async run({ id }, user) {
    const { recorded } = await scanTarget(user, id);
    return { message: recordedScanMessage(recorded), redirectTo: `/scans/${recorded.scanId}` };
  },
});

export const scanOwnDatabaseAction = defineAction({
  capability: "scans.run",
  schema: emptySchema,
  async run(_input, user) {
    const { recorded } = await scanOwnDatabase(user);
    return { message: recordedScanMessage(recorded), redirectTo: `/scans/${recorded.scanId}` };
  },
});
