import { describe, expect, it } from "vitest";
import { parseTestResults } from "./parse";
import { assertStorableRun } from "./storable-run";

const ctrf = (test: Record<string, unknown>) =>
  JSON.stringify({
    results: {
      tool: { name: "jest" },
      summary: {
        tests: 1,
        passed: 1,
        failed: 0,
        skipped: 0,
        pending: 0,
        other: 0,
        start: 0,
        stop: 0,
      },
      tests: [{ name: "ok", status: "passed", duration: 1 }, test],
    },
  });

const check = (content: string) => () =>
  assertStorableRun(parseTestResults(content), { via: "api" });

describe("a parsed run is checked against its columns before storing", () => {
  it("refuses a CTRF duration of 1e308, naming the test case", () => {
    expect(check(ctrf({ name: "huge", status: "passed", duration: 1e308 }))).toThrow(
      /Test case 2 \("huge"\), field "duration"/,
    );
  });

  it("refuses a NUL character in a name or message, naming the field", () => {
    expect(check(ctrf({ name: "a\u0000b", status: "passed", duration: 1 }))).toThrow(
      /Test case 2 \("a\\0b"\), field "name": contains a NUL/,
    );
    expect(check(ctrf({ name: "m", status: "failed", duration: 1, message: "x\u0000" }))).toThrow(
      /field "message"/,
    );
  });

  it("refuses a NUL in the metadata sent with the run", () => {
    const run = parseTestResults(ctrf({ name: "fine", status: "passed", duration: 1 }));
    expect(() => assertStorableRun(run, { via: "api", commit: "abc\u0000" })).toThrow(/commit/);
    expect(() => assertStorableRun(run, { via: "api", commit: "abc" })).not.toThrow();
  });

  it("refuses a JUnit time beyond int4 milliseconds", () => {
    const xml = `<testsuite name="s" tests="1"><testcase name="slow" time="1e300"/></testsuite>`;
    expect(check(xml)).toThrow(/duration/);
  });
});
