// The authorization matrix's entries for the database posture scans and the code audit
// (lib/actions/scan-actions.ts). No scan target is seeded (saving one needs a live scan), so the
// target entries name one that does not exist and fail on that business rule.
import type { ActionTable } from "./matrix-action-entry";
import { UNREACHABLE_SOURCE } from "./matrix-context";

const NO_SUCH_TARGET = "00000000-0000-4000-8000-0000000000aa";

/** A ZIP holding repo/q.sql ("SELECT 1;"), for the code audit's upload. */
const REPO_ZIP = Buffer.from(
  "UEsDBBQAAAAAAFtTfl1/qQ5QCgAAAAoAAAAKAAAAcmVwby9xLnNxbFNFTEVDVCAxOwpQSwECFAMUAAAAAABbU35df6kOUAoAAAAKAAAACgAAAAAAAAAAAAAAgAEAAAAAcmVwby9xLnNxbFBLBQYAAAAAAQABADgAAAAyAAAAAAA=",
  "base64",
);

export const SCAN_ACTIONS: ActionTable = {
  "scan-actions.ts": {
    addScanTargetAction: {
      capability: "scans.configure",
      form: (ctx) => ({
        name: ctx.unique("matrix-db"),
        url: UNREACHABLE_SOURCE,
        tenantColumns: "",
      }),
      business: "a target is saved only after a scan over it works, and nothing listens there",
    },
    removeScanTargetAction: {
      capability: "scans.configure",
      form: () => ({ id: NO_SUCH_TARGET }),
      business: "no scan target is seeded",
    },
    runScanTargetAction: {
      capability: "scans.run",
      form: () => ({ id: NO_SUCH_TARGET }),
      business: "no scan target is seeded",
    },
    scanOwnDatabaseAction: { capability: "scans.run", form: () => ({}) },
    auditCodeDirectoryAction: {
      capability: "scans.run",
      form: (ctx) => ({ path: ctx.newResultDirectory(), tenantColumns: "" }),
    },
    auditCodeArchiveAction: {
      capability: "scans.run",
      form: () => ({ file: new File([REPO_ZIP], "repo.zip", { type: "application/zip" }) }),
    },
  },
};
