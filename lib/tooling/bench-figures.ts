// The figures the bench reports per database, and the `--json FILE` they are written to: the
// keys are those of issue 15 (and of README "Performance"), so runs can be compared by script.
import { writeFileSync } from "node:fs";
import type { HostileFigure } from "./bench-hostile-child";

/** The figures of one lane; null when not measured. */
export interface LaneFigures {
  ingestFirstCasesPerSec: number | null;
  ingestWarmCasesPerSec: number | null;
  pullEventsPerSec: number | null;
  pullPeakRssMb: number | null;
  statusFirstMs: number | null;
  statusWarmMs: number | null;
  pagesP95Ms: Record<string, number>;
  serverRssMb: number | null;
  /** Issue 14: a posture scan of a 500-table database, end to end. */
  postureScan500TablesMs: number | null;
  /** Audit events pushed over POST /api/v1/audit-events, and the server's RSS after them. */
  pushEventsPerSec: number | null;
  pushServerRssMb: number | null;
}

export const emptyFigures = (): LaneFigures => ({
  ingestFirstCasesPerSec: null,
  ingestWarmCasesPerSec: null,
  pullEventsPerSec: null,
  pullPeakRssMb: null,
  statusFirstMs: null,
  statusWarmMs: null,
  pagesP95Ms: {},
  serverRssMb: null,
  postureScan500TablesMs: null,
  pushEventsPerSec: null,
  pushServerRssMb: null,
});

/** A database's lane; null for PostgreSQL when no database was given. */
export type Lane = { figures: LaneFigures; hostile: HostileFigure } | null;

export function jsonFileArg(): string | undefined {
  const at = process.argv.indexOf("--json");
  return at >= 0 ? process.argv[at + 1] : undefined;
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}
