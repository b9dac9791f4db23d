// Where each thing sits inside the ZIP: a fixed layout (documented in the README), with names
// made safe for every file system and unique within their folder.
import type { PackageEvidence } from "./types";

/** A path segment without separators, control characters or names that mean something. */
export function safeSegment(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, "_")
    .replace(/^\.+/, "_")
    .trim()
    .slice(0, 120);
  return cleaned === "" ? "_" : cleaned;
}

/** evidence/<control ref>/<original file name>; evidence on several controls sits under the first. */
export function evidencePaths(
  rows: (Pick<PackageEvidence, "id" | "controls"> & {
    revision: { fileName: string; number: number } | null;
  })[],
): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of rows) {
    if (!e.revision) continue;
    const folder = `evidence/${safeSegment(e.controls[0] ?? "unlinked")}`;
    let candidate = `${folder}/${safeSegment(e.revision.fileName)}`;
    // Two files of the same name under one control keep both, distinguished by evidence id.
    if (taken.has(candidate.toLowerCase()))
      candidate = `${folder}/${e.id.slice(0, 8)}-r${e.revision.number}-${safeSegment(e.revision.fileName)}`;
    taken.add(candidate.toLowerCase());
    out.set(e.id, candidate);
  }
  return out;
}

export function testRunPath(run: { id: string; startedAt: Date }): string {
  return `evidence/test-runs/${run.startedAt.toISOString().slice(0, 19).replace(/:/g, "")}Z-${run.id.slice(0, 8)}.json`;
}
