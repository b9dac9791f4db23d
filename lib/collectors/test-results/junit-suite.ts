// What the JUnit walk (junit.ts) keeps of an open <testsuite>, and the one row that stands for a
// suite that wrote only its totals (so its failures still count, with no test cases to show).
import type { CaseStatus, DeclaredCounts, ParsedCase, PropertyBag } from "./types";

export interface SuiteFrame {
  name: string;
  properties: PropertyBag;
  propertyCount: number;
  /** This suite's bag after its ancestors' bags: one array per suite, shared by its cases. */
  chain: PropertyBag[];
  declared: DeclaredCounts | null;
  durationMs: number;
  /** A <testcase> or a summary-only suite somewhere below: then its own totals are not counted again. */
  counted: boolean;
}

/** The one row standing for a suite that wrote only its totals. */
export function summaryCase(frame: SuiteFrame, d: DeclaredCounts): ParsedCase {
  const status: CaseStatus =
    d.errored > 0
      ? "errored"
      : d.failed > 0
        ? "failed"
        : d.skipped === d.tests
          ? "skipped"
          : "passed";
  return {
    suite: frame.name,
    classname: null,
    name: `${frame.name} (summary only: ${d.tests} tests, ${d.failed} failed, ${d.errored} errored, ${d.skipped} skipped)`,
    file: null,
    status,
    flaky: false,
    durationMs: frame.durationMs,
    message:
      status === "errored" || status === "failed"
        ? `The suite wrote only its totals, no test cases: ${d.failed + d.errored} of ${d.tests} declared failing.`
        : null,
    properties: {},
    inherited: frame.chain,
    summary: d,
  };
}
