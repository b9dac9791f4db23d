import type { ParsedCase, Totals } from "./types";

/** The cases of a test reported more than once (reruns written as separate <testcase>s). */
class Group {
  constructor(readonly members: ParsedCase[]) {}
}

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
  // Per logical test, its first case, or the group of its cases once it has more than one: most
  // tests are reported once, and need neither a group nor an array of their own.
  const outcomes = new Map<string, ParsedCase | Group>();
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
    const seen = outcomes.get(key);
    if (seen === undefined) outcomes.set(key, c);
    else if (seen instanceof Group) seen.members.push(c);
    else outcomes.set(key, new Group([seen, c]));
  }
  for (const o of outcomes.values()) {
    if (!(o instanceof Group)) {
      if (o.flaky) totals.flaky += 1;
      continue;
    }
    const { members } = o;
    const pass = members.some((m) => m.status === "passed");
    const bad = members.some((m) => m.status === "failed" || m.status === "errored");
    if (members.some((m) => m.flaky) || (pass && bad)) {
      totals.flaky += 1;
      for (const m of members) m.flaky = true;
    }
  }
  return totals;
}
