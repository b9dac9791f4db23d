import type { ParsedCase, Totals } from "./types";

/**
 * A summary-only suite's row counts as what the suite declared. One bucket per case for passed/failed/errored/skipped, so they add up to `tests`.
 * `flaky` counts logical tests: cases marked flaky, plus a test reported several times
 * with both a pass and a failure or error (reruns written as separate <testcase>s).
 */
export function computeTotals(cases: ParsedCase[]): Totals {
  const totals: Totals = {
    tests: 0,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
    flaky: 0,
  };
  const outcomes = new Map<
    string,
    { pass: boolean; bad: boolean; marked: boolean; members: ParsedCase[] }
  >();
  for (const c of cases) {
    if (c.summary) {
      const { tests, failed, errored, skipped } = c.summary;
      totals.tests += tests;
      totals.failed += failed;
      totals.errored += errored;
      totals.skipped += skipped;
      totals.passed += Math.max(0, tests - failed - errored - skipped);
      continue;
    }
    totals.tests += 1;
    totals[c.status] += 1;
    const key = `${c.suite}\u0000${c.classname ?? ""}\u0000${c.name}\u0000${c.file ?? ""}`;
    const o = outcomes.get(key) ?? { pass: false, bad: false, marked: false, members: [] };
    o.pass ||= c.status === "passed";
    o.bad ||= c.status === "failed" || c.status === "errored";
    o.marked ||= c.flaky;
    o.members.push(c);
    outcomes.set(key, o);
  }
  for (const o of outcomes.values()) {
    if (o.marked || (o.pass && o.bad)) {
      totals.flaky += 1;
      for (const m of o.members) m.flaky = true;
    }
  }
  return totals;
}
