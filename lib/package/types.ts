// What a package holds, as plain data: loaded once from the database (collect.ts), then turned
// into CSV tables, index.html and OSCAL by pure functions that unit tests feed directly.
import type { Reason, Status } from "@/lib/status/types";

export interface PackagePeriod {
  /** "YYYY-MM-DD", first day included. */
  from: string;
  /** "YYYY-MM-DD", last day included. */
  to: string;
}

export interface PackageCriterion {
  id: string;
  category: string;
  series: string;
  title: string;
  inScope: boolean;
  status: Status;
  overridden: boolean;
  design: string;
  operating: string;
  reasons: Reason[];
  /** Control refs mapped to it. */
  controls: string[];
}

export interface PackageControl {
  id: string;
  ref: string;
  title: string;
  implementation: string;
  owner: string | null;
  criteria: string[];
  status: Status;
  reasons: Reason[];
}

export interface PackageEvidence {
  id: string;
  title: string;
  kind: "file" | "link" | "note" | "automated";
  reviewState: string;
  evidenceDate: string;
  url: string | null;
  body: string | null;
  controls: string[];
  /** The accepted revision's file (file evidence only). */
  file: {
    revision: number;
    fileName: string;
    size: number;
    sha256: string;
    /** Where it sits in the ZIP. */
    path: string;
  } | null;
}

export interface PackageTestRun {
  id: string;
  startedAt: string;
  format: string;
  source: string | null;
  commit: string | null;
  branch: string | null;
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  controls: string[];
  /** Why the run counts for none of its controls (dated in the future, or stale for every one). */
  notCurrentReason: string | null;
  /** Among `controls`, those the run does not count for: staleness is per control (issue 10). */
  notCurrentFor: string[];
  failing: {
    suite: string;
    name: string;
    status: string;
    message: string | null;
    controls: string[];
  }[];
  /** The JSON file in the ZIP, with its hash once written. */
  path: string;
  sha256?: string;
}

export interface PackageBacklogItem {
  key: string;
  title: string;
  description: string;
  priority: string;
  status: string;
  owner: string | null;
  dueDate: string | null;
  createdAt: string;
  resolvedAt: string | null;
  verifiedAt: string | null;
  controls: string[];
  criteria: string[];
  checks: { text: string; done: boolean }[];
  open: boolean;
}

export interface PackageMustHave {
  phase: number;
  phaseTitle: string;
  progress: string;
  position: number;
  truth: string;
  verdict: string;
  reason: string;
  requirements: string[];
}

export interface PackageData {
  workspace: { name: string; categoriesInScope: string[] };
  period: PackagePeriod;
  /** The instant the package's data was read. */
  createdAt: Date;
  criteria: PackageCriterion[];
  controls: PackageControl[];
  evidence: PackageEvidence[];
  testRuns: PackageTestRun[];
  backlog: PackageBacklogItem[];
  mustHaves: PackageMustHave[];
  auditDaily: { day: string; action: string; count: number }[];
  samples: {
    at: string;
    by: string;
    criterion: string | null;
    action: string | null;
    from: string | null;
    to: string | null;
    n: number | null;
    seed: string | null;
    population: number | null;
    populationHash: string | null;
    summary: string;
  }[];
  snapshots: { day: string; criterion: string; status: string }[];
  activity: { rows: number; firstPrevHash: string; lastHash: string };
  chainHead: { seq: string; hash: string } | null;
}
