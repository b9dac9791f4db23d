// What every test-result format is parsed into.

export type CaseStatus = "passed" | "failed" | "errored" | "skipped";

export interface ParsedCase {
  suite: string;
  classname: string | null;
  name: string;
  file: string | null;
  status: CaseStatus;
  /** Passed only on a rerun (Surefire flakyFailure/flakyError, CTRF flaky) or mixed outcomes of one test. */
  flaky: boolean;
  durationMs: number;
  message: string | null;
  /** Case properties, suite properties inherited (JUnit), tags and labels (CTRF). */
  properties: Record<string, string[]>;
}

export interface Totals {
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  flaky: number;
}

export interface ParsedRun {
  format: "junit" | "ctrf";
  tool: string | null;
  startedAt: Date | null;
  durationMs: number;
  totals: Totals;
  cases: ParsedCase[];
}

export class TestResultParseError extends Error {}

export const MAX_MESSAGE_CHARS = 4000;
