// What every test-result format is parsed into.
import { AppError } from "@/lib/errors";

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

/** A file that is not valid JUnit XML or CTRF JSON: bad input, so an "invalid" AppError. */
export class TestResultParseError extends AppError {
  constructor(message: string) {
    super("invalid", message);
    this.name = "TestResultParseError";
  }
}

export const MAX_MESSAGE_CHARS = 4000;
