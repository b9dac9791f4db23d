// manifest.json: what the package holds (every other file's path, size and SHA-256) and what it
// is of (workspace, period, creation, the activity chain head), signed as written, byte for byte,
// in manifest.sig. verify.mjs checks the package against it.
import type { WrittenEntry } from "./zip-stream";
import type { PackageData } from "./types";

export const MANIFEST_FORMAT = "trustboard-audit-package/1";

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  workspace: string;
  period: { from: string; to: string };
  createdAt: string;
  createdBy: string;
  signingKeyFingerprint: string;
  activity: {
    rows: number;
    firstPrevHash: string;
    lastHash: string;
    /** The newest activity entry when the package was made (it may lie after the period). */
    chainHead: { seq: string; hash: string } | null;
  };
  counts: Record<string, number>;
  files: WrittenEntry[];
}

export function buildManifest(
  d: PackageData,
  files: WrittenEntry[],
  createdBy: string,
  fingerprint: string,
): Manifest {
  return {
    format: MANIFEST_FORMAT,
    workspace: d.workspace.name,
    period: { from: d.period.from, to: d.period.to },
    createdAt: d.createdAt.toISOString(),
    createdBy,
    signingKeyFingerprint: fingerprint,
    activity: { ...d.activity, chainHead: d.chainHead },
    counts: {
      criteriaInScope: d.criteria.filter((c) => c.inScope).length,
      controls: d.controls.length,
      evidence: d.evidence.length,
      evidenceFiles: d.evidence.filter((e) => e.file).length,
      testRuns: d.testRuns.length,
      backlogItems: d.backlog.length,
      activityRows: d.activity.rows,
    },
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The exact bytes that are signed and stored. */
export function manifestBytes(m: Manifest): Buffer {
  return Buffer.from(JSON.stringify(m, null, 2) + "\n", "utf8");
}
