"use server";
import { recordedScanMessage } from "@/lib/scanners/messages";
import { scanOwnDatabase, scanTarget } from "@/lib/scanners/postgres/run-posture-scan";
import { addScanTarget, removeScanTarget } from "@/lib/scanners/scan-targets";
import { emptySchema, scanTargetIdSchema, scanTargetSchema } from "@/lib/scanners/schemas";
import { defineAction } from "./safe-action";

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
