// Pure rules shared by every scanner: how a scan compares with the previous one of the same
// kind and source, and how a finding's level becomes a backlog priority.
import type { Priority } from "@/lib/backlog/workflow";

export type FindingLevel = "error" | "warn" | "info";

export interface ScanDiff {
  /** Found now, not in the previous scan. */
  new: string[];
  /** In the previous scan, not found now. */
  fixed: string[];
  /** In both. */
  stillOpen: string[];
}

/** Keys compared as sets; the first scan of a source has everything "new". */
export function diffScans(
  previous: readonly string[] | null,
  current: readonly string[],
): ScanDiff {
  const before = new Set(previous ?? []);
  const now = new Set(current);
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  return {
    new: sorted([...now].filter((k) => !before.has(k))),
    fixed: sorted([...before].filter((k) => !now.has(k))),
    stillOpen: sorted([...now].filter((k) => before.has(k))),
  };
}

/**
 * Level → backlog priority (README "Scanners"): an error is P1 (holds its criteria at risk
 * while open), a warning P2, information P3 (tracked, changes no status).
 */
export const LEVEL_PRIORITY: Record<FindingLevel, Priority> = {
  error: "P1",
  warn: "P2",
  info: "P3",
};
