import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_RESULT_FIXTURES } from "@/lib/testing/fixture-path";
import { AppError } from "@/lib/errors";
import { MAX_RESULT_BYTES, parseTestResults } from "./parse";
import { TestResultParseError, allProperties, type Totals } from "./types";

const FIXTURES = TEST_RESULT_FIXTURES;
const read = (f: string) => readFileSync(path.join(FIXTURES, f), "utf8");
const t = (
  tests: number,
  passed: number,
  failed: number,
  errored: number,
  skipped: number,
  flaky: number,
): Totals => ({ tests, passed, failed, errored, skipped, flaky });

// Expected totals were counted independently of this parser (Python's ElementTree over each file).
const EXPECTED: [string, Totals][] = [
  ["cpp/catch2.xml", t(1, 0, 1, 0, 0, 0)],
  ["dotnet/xunit.xml", t(4, 3, 1, 0, 0, 0)],
  ["edge/empty-java-junit.xml", t(0, 0, 0, 0, 0, 0)],
  ["edge/flaky-success-first.xml", t(3, 1, 1, 1, 0, 1)],
  ["edge/jest-empty-testsuite.xml", t(0, 0, 0, 0, 0, 0)],
  ["edge/nested-multi-level.xml", t(3, 3, 0, 0, 0, 0)],
  ["java/junit4-complete.xml", t(8, 5, 1, 1, 1, 0)],
  ["java/pulsar-test-report.xml", t(808, 793, 1, 0, 14, 0)],
  ["java/surefire-flaky.xml", t(1, 1, 0, 0, 0, 1)],
  ["jest/jest-junit.xml", t(6, 1, 4, 0, 1, 0)],
  ["jest/jest-test-results.xml", t(4239, 4207, 2, 0, 30, 0)],
  ["js/mocha.xml", t(1, 1, 0, 0, 0, 0)],
  ["php/phpunit-basic.xml", t(9, 8, 1, 0, 0, 0)],
  ["python/pytest.xml", t(10, 6, 2, 0, 2, 0)],
  ["python/unittest.xml", t(8, 4, 1, 1, 2, 0)],
  ["rust/nextest.xml", t(3, 2, 1, 0, 0, 0)],
  ["spec/junit-basic.xml", t(9, 8, 1, 0, 0, 0)],
  ["spec/junit-complete.xml", t(8, 5, 1, 1, 1, 0)],
  ["spec/testcase-properties.xml", t(1, 1, 0, 0, 0, 0)],
  ["swift/swift-xunit.xml", t(3, 2, 1, 0, 0, 0)],
  ["ctrf/minimal.json", t(1, 1, 0, 0, 0, 0)],
  ["ctrf/with-retries.json", t(2, 2, 0, 0, 0, 1)],
  ["ctrf/comprehensive.json", t(3, 2, 1, 0, 0, 1)],
];

describe("test-result fixtures from real tools", () => {
  it.each(EXPECTED)("%s has the right totals", (file, totals) => {
    const run = parseTestResults(read(file));
    expect(run.totals).toEqual(totals);
    expect(run.cases).toHaveLength(totals.tests);
  });

  it("covers every fixture file except the schema and the corrupt one", () => {
    const all = readdirSync(FIXTURES)
      .flatMap((dir) => readdirSync(path.join(FIXTURES, dir)).map((f) => `${dir}/${f}`))
      .filter((f) => !f.endsWith("ctrf.schema.json") && !f.endsWith("corrupt.xml"));
    expect(all.sort()).toEqual(EXPECTED.map(([f]) => f).sort());
  });

  it("refuses the corrupt file with a clear error", () => {
    expect(() => parseTestResults(read("edge/corrupt.xml"))).toThrow(
      /Not well-formed XML: .*\d+:\d+/,
    );
  });

  it("keeps failure messages, suite and case properties, and Surefire flakiness", () => {
    const props = allProperties(parseTestResults(read("spec/testcase-properties.xml")).cases[0]!);
    expect(props.commit).toEqual(["9c41d0e"]);
    expect(props.attachment).toEqual(["evidence/restore-log.txt", "evidence/restore-checksum.txt"]);
    expect(props.description?.[0]).toMatch(/\S/);
    const basic = parseTestResults(read("spec/junit-basic.xml")).cases;
    expect(basic.filter((c) => c.suite === "Access.Review.Offboarding")).toHaveLength(3);
    expect(basic.find((c) => c.name === "lists accounts without an owner")?.classname).toBeNull();
    expect(basic.find((c) => c.status === "failed")?.message).toBe("expected 1 finding, got 0");
    const complete = parseTestResults(read("spec/junit-complete.xml")).cases;
    expect(complete.map((c) => c.message).filter((m) => m !== null)).toEqual([
      "time zones are not configurable yet",
      "expected 'at_risk' to be 'failing'",
      "Cannot read properties of null (reading 'email')",
    ]);
    expect(allProperties(complete[7]!).link).toEqual([
      "https://tracker.example.org/TB-118",
      "https://tracker.example.org/TB-131",
    ]);
    expect(allProperties(complete[7]!).commit).toEqual(["9c41d0e"]);
    const flaky = parseTestResults(read("java/surefire-flaky.xml")).cases[0];
    expect(flaky).toMatchObject({ status: "passed", flaky: true, name: "createWebhook" });
    const catch2 = parseTestResults(read("cpp/catch2.xml")).cases[0]!;
    expect(catch2.message).toBe("REQUIRE(v == 1) expands to 0 == 10");
  });

  it("reads CTRF tags and labels as properties", () => {
    const c = parseTestResults(read("ctrf/comprehensive.json")).cases[0]!;
    expect(c.properties.tags).toEqual(["smoke", "critical"]);
    expect(c.properties.priority).toEqual(["P1"]);
    expect(c.properties.owners).toEqual(["qa", "platform"]);
  });
});

describe("safe parsing", () => {
  it("refuses DTDs, so neither external entities nor entity expansion can happen", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&e;"/></testsuite>`;
    expect(() => parseTestResults(xxe)).toThrow(/DOCTYPE declarations are not accepted/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><testsuite name="&b;"/>`;
    expect(() => parseTestResults(laughs)).toThrow(/DOCTYPE/);
  });

  it.each([
    ["", /empty/],
    ["hello", /neither '<' nor '\{'/],
    ["<html><body/></html>", /root element is <html>/],
    ['{"results": {}}', /Not a CTRF report: results.tests/],
    ["{not json", /Not valid JSON/],
  ])("explains what is wrong with %j", (content, message) => {
    expect(() => parseTestResults(content)).toThrow(message);
  });

  it("reports bad content as an invalid AppError, and content over the limit as too large", () => {
    const bad = (content: string) => {
      try {
        parseTestResults(content);
      } catch (err) {
        return err;
      }
      throw new Error("parsed");
    };
    for (const content of [
      "hello",
      "<html/>",
      "<testsuite>",
      "{not json",
      `<!DOCTYPE x><testsuite/>`,
    ]) {
      const err = bad(content);
      expect(err).toBeInstanceOf(TestResultParseError);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "invalid" });
    }
    expect(bad(" ".repeat(MAX_RESULT_BYTES + 1))).toMatchObject({
      code: "too_large",
      message: expect.stringMatching(/larger than 50 MB/),
    });
  });

  it("finds a bare <testsuite> root and nested suites", () => {
    const run = parseTestResults(
      `<testsuites><testsuite name="outer"><testsuite name="inner"><testcase name="a"/><testcase name="b"><skipped/></testcase></testsuite></testsuite></testsuites>`,
    );
    expect(run.cases.map((c) => [c.suite, c.status])).toEqual([
      ["inner", "passed"],
      ["inner", "skipped"],
    ]);
  });
});
