import { describe, expect, it } from "vitest";
import { mapCase, type MappingContext } from "./mapping";
import { parseTestResults } from "./parse";

const suites = (body: string) => `<?xml version="1.0"?><testsuites>${body}</testsuites>`;

describe("a test case with several outcome elements", () => {
  it("counts once, as its worst outcome: error, then failure, then skipped", () => {
    const run = parseTestResults(
      suites(`<testsuite name="s">
        <testcase name="all three"><skipped/><failure message="f"/><error message="e"/></testcase>
        <testcase name="error first"><error message="boom"/><failure message="later"/><skipped/></testcase>
        <testcase name="skipped then failed"><skipped message="later"/><failure>assertion</failure></testcase>
        <testcase name="two failures"><failure message="first"/><failure message="second"/></testcase>
        <testcase name="skipped twice"><skipped/><skipped/></testcase>
      </testsuite>`),
    );
    expect(run.cases.map((c) => [c.name, c.status, c.message])).toEqual([
      ["all three", "errored", "e"],
      ["error first", "errored", "boom"],
      ["skipped then failed", "failed", "assertion"],
      ["two failures", "failed", "first"],
      ["skipped twice", "skipped", null],
    ]);
    expect(run.totals).toEqual({
      tests: 5,
      passed: 0,
      failed: 2,
      errored: 2,
      skipped: 1,
      flaky: 0,
    });
  });
});

describe("a suite that writes only its totals", () => {
  const file = suites(`
    <testsuite name="unit" tests="2"><testcase name="a"/><testcase name="b"/></testsuite>
    <testsuite name="legacy" tests="40" failures="3" errors="1" skipped="2" time="12.5">
      <properties><property name="soc2" value="CC6.1"/></properties>
    </testsuite>
    <testsuite name="green" tests="10"/>
    <testsuite name="empty" tests="0" failures="0"/>`);

  it("is counted from its declared numbers and marked summary only", () => {
    const run = parseTestResults(file);
    expect(run.totals).toEqual({
      tests: 52,
      passed: 46,
      failed: 3,
      errored: 1,
      skipped: 2,
      flaky: 0,
    });
    expect(run.summaryOnly).toEqual(["legacy", "green"]);
    const legacy = run.cases.find((c) => c.suite === "legacy")!;
    expect(legacy).toMatchObject({
      status: "errored",
      durationMs: 12_500,
      summary: { tests: 40, failed: 3, errored: 1, skipped: 2 },
    });
    expect(legacy.name).toMatch(/summary only: 40 tests, 3 failed, 1 errored/);
    expect(legacy.message).toMatch(/4 of 40 declared failing/);
    expect(run.cases.find((c) => c.suite === "green")?.status).toBe("passed");
  });

  it("still puts the controls its properties map to at risk", () => {
    const ctx: MappingContext = {
      controlsByRef: new Map(),
      controlsByCriterion: new Map([["CC6.1", ["c1"]]]),
      rules: [],
    };
    const legacy = parseTestResults(file).cases.find((c) => c.suite === "legacy")!;
    expect(mapCase(legacy, ctx).controlIds).toEqual(["c1"]);
    expect(["failed", "errored"]).toContain(legacy.status);
  });

  it("is not counted again around nested suites that hold the cases or summaries", () => {
    const run = parseTestResults(
      suites(`<testsuite name="outer" tests="5" failures="1">
        <testsuite name="inner" tests="3"><testcase name="a"/><testcase name="b"/><testcase name="c"><failure/></testcase></testsuite>
        <testsuite name="summary" tests="2" failures="0"/>
      </testsuite>`),
    );
    expect(run.summaryOnly).toEqual(["summary"]);
    expect(run.totals).toMatchObject({ tests: 5, passed: 4, failed: 1 });
  });

  it("reads the declared total as at least its failures, errors and skips", () => {
    const run = parseTestResults(suites(`<testsuite name="odd" failures="2"/>`));
    expect(run.totals).toMatchObject({ tests: 2, failed: 2 });
  });

  it("refuses an impossible declared number", () => {
    expect(() => parseTestResults(suites(`<testsuite name="x" tests="99999999999"/>`))).toThrow(
      /declares 99999999999 tests/,
    );
  });
});

describe("timestamps without a zone", () => {
  const file = `<testsuite name="s" timestamp="2026-07-01T12:00:00"><testcase name="a"/></testsuite>`;

  it("are read in UTC by default, not in the server's local zone", () => {
    expect(parseTestResults(file).startedAt?.toISOString()).toBe("2026-07-01T12:00:00.000Z");
  });

  it("are read in the source's zone when it has one", () => {
    expect(parseTestResults(file, { timeZone: "Europe/Berlin" }).startedAt?.toISOString()).toBe(
      "2026-07-01T10:00:00.000Z",
    );
  });

  it("keep an explicit zone", () => {
    const utc = `<testsuite name="s" timestamp="2021-03-07T10:36:56 UTC"><testcase name="a"/></testsuite>`;
    expect(parseTestResults(utc, { timeZone: "Asia/Tokyo" }).startedAt?.toISOString()).toBe(
      "2021-03-07T10:36:56.000Z",
    );
  });
});
