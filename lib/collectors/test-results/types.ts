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
  /** The case's own properties (JUnit), tags and labels (CTRF). */
  properties: PropertyBag;
  /**
   * The enclosing suites' properties (JUnit), outermost first. Shared by every case of a suite,
   * never copied per case: a file with many suite properties and many cases stays small.
   */
  inherited?: readonly PropertyBag[];
  /** Set on the one row standing for a suite that wrote only its totals (no <testcase>). */
  summary?: DeclaredCounts;
}

export type PropertyBag = Record<string, string[]>;

/** What a <testsuite> declares about itself in its tests/failures/errors/skipped attributes. */
export interface DeclaredCounts {
  tests: number;
  failed: number;
  errored: number;
  skipped: number;
}

/** Own and inherited properties of a case in one bag (for display and tests; mapping reads them apart). */
export function allProperties(c: ParsedCase): PropertyBag {
  const out: PropertyBag = {};
  for (const bag of [...(c.inherited ?? []), c.properties])
    for (const [k, v] of Object.entries(bag)) out[k] = [...(out[k] ?? []), ...v];
  return out;
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
  /** Suites counted from their declared numbers because they hold no <testcase>. */
  summaryOnly: string[];
}

/** A file that is not valid JUnit XML or CTRF JSON: bad input, so an "invalid" AppError. */
export class TestResultParseError extends AppError {
  constructor(message: string) {
    super("invalid", message);
    this.name = "TestResultParseError";
  }
}

export const MAX_MESSAGE_CHARS = 4000;
