// Inputs and outputs of the coverage computation: dated records only, already aggregated by the
// loader (runs per day, event days per action), never today's state.
import type { Frequency, Interval } from "./frequency";

export interface CoverageEvidence {
  id: string;
  title: string;
  state: "draft" | "in_review" | "accepted" | "rejected" | "expired";
  evidenceDate: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  expiresAt: Date | null;
}

/** Mapped test runs of one UTC day. */
export interface CoverageRunDay {
  day: Date;
  runs: number;
  failingRuns: number;
  /** A run of that day to link to (a failing one when there is one). */
  runId: string;
}

export interface CoverageExpectation {
  id: string;
  action: string;
  maxSilenceDays: number;
  /** UTC days with at least one event of the action, ascending. */
  days: Date[];
}

/** A P0/P1 backlog item linked to the control, open from `openedAt` until `closedAt`. */
export interface CoverageItem {
  id: string;
  key: string;
  title: string;
  priority: "P0" | "P1";
  openedAt: Date;
  closedAt: Date | null;
}

export interface ControlCoverageInput {
  id: string;
  frequency: Frequency;
  /** The frequency was derived from the control's evidence, not set on it. */
  derived?: boolean;
  createdAt: Date;
  evidence: CoverageEvidence[];
  runDays: CoverageRunDay[];
  expected: CoverageExpectation[];
  items: CoverageItem[];
}

export interface CoverageContext {
  /** The audit period as whole UTC days, end exclusive. */
  period: Interval;
  now: Date;
}

/**
 * covered: operated, nothing wrong; exception: operated with a failed run or an open critical
 * item; uncovered: no record (or an expected event stream silent beyond tolerance); before: the
 * control did not exist yet; pending: under way with no record yet; future: not started.
 */
export type OccurrenceState =
  "covered" | "exception" | "uncovered" | "before" | "pending" | "future";

export interface SourceLink {
  type: "evidence" | "run" | "backlog" | "expected" | "control";
  id: string;
}

export interface Occurrence extends Interval {
  state: OccurrenceState;
  /** What covered it, or why it is not, in a few words each (shared between occurrences: read only). */
  notes: readonly string[];
}

export interface CoverageException extends Interval {
  kind: "failed_run" | "silence" | "critical_item";
  text: string;
  link: SourceLink;
}

export interface UncoveredInterval extends Interval {
  text: string;
}

export interface ControlCoverage {
  controlId: string;
  frequency: Frequency;
  derived: boolean;
  /** In time order and contiguous, tiling the period (frequency.ts occurrences; matrix.ts walks them in one pass). */
  occurrences: Occurrence[];
  /** Occurrences judged: covered, exception or uncovered. */
  judged: number;
  /** Judged occurrences in which the control operated (covered or exception). */
  operated: number;
  /** operated / judged × 100, rounded down; null while nothing can be judged. */
  percent: number | null;
  uncovered: UncoveredInterval[];
  exceptions: CoverageException[];
}
