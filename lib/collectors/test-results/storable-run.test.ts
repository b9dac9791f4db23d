import { describe, expect, it } from "vitest";
import { parseTestResults } from "./parse";
import { assertStorableRun } from "./storable-run";
import { MAX_MESSAGE_CHARS } from "./types";

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
  // The bounded parsers (lib/collectors/test-results/ctrf.ts, junit.ts) clean or refuse what
  // PostgreSQL would reject before a run reaches this check: a CTRF duration beyond int4 is
  // refused naming its field, NUL characters in CTRF text become U+FFFD.
  it("a CTRF duration of 1e308 is refused naming the field", () => {
    expect(check(ctrf({ name: "huge", status: "passed", duration: 1e308 }))).toThrow(
      /results\.tests\.1\.duration/,
    );
  });

  it("a NUL character in a CTRF name or message is stored as U+FFFD", () => {
    const run = parseTestResults(
      ctrf({ name: "a\u0000b", status: "failed", duration: 1, message: "x\u0000" }),
    );
    expect(() => assertStorableRun(run, { via: "api" })).not.toThrow();
    expect(run.cases[1]).toMatchObject({ name: "a\uFFFDb", message: "x\uFFFD" });
  });

  it("half a surrogate pair in CTRF text is stored as U+FFFD; a label named with one is refused", () => {
    // JSON.stringify writes the halves as escapes (\ud800), as a tool that cut a string would.
    const run = parseTestResults(
      ctrf({
        name: "a\ud800b",
        status: "failed",
        duration: 1,
        message: "cut \ud83d",
        labels: { ok: "x\udc00" },
      }),
    );
    expect(() => assertStorableRun(run, { via: "api" })).not.toThrow();
    expect(run.cases[1]).toMatchObject({ name: "a\uFFFDb", message: "cut \uFFFD" });
    expect(run.cases[1]?.properties).toEqual({ ok: ["x\uFFFD"] });
    expect(run.cases[0]?.name).toBe("ok");
    const label = parseTestResults(
      ctrf({ name: "l", status: "passed", duration: 1, labels: { "team\ud800": "a" } }),
    );
    expect(() => assertStorableRun(label, { via: "api" })).toThrow(
      /Test case 2 \("l"\), property "team.*unpaired surrogate/,
    );
  });

  it("a message cut to its limit keeps no half of a surrogate pair", () => {
    const long = `${"x".repeat(MAX_MESSAGE_CHARS - 1)}😀 and more`;
    const ctrfCase = parseTestResults(
      ctrf({ name: "long", status: "failed", duration: 1, message: long }),
    ).cases[1]!;
    expect(ctrfCase.message).toBe("x".repeat(MAX_MESSAGE_CHARS - 1));
    const xml = `<testsuite name="s" tests="1"><testcase name="long"><failure message="${long}"/></testcase></testsuite>`;
    expect(parseTestResults(xml).cases[0]?.message).toBe("x".repeat(MAX_MESSAGE_CHARS - 1));
    const inBody = `<testsuite name="s" tests="1"><testcase name="long"><failure>${long}</failure></testcase></testsuite>`;
    expect(parseTestResults(inBody).cases[0]?.message).toBe("x".repeat(MAX_MESSAGE_CHARS - 1));
  });

  it("refuses a NUL in the metadata sent with the run", () => {
    const run = parseTestResults(ctrf({ name: "fine", status: "passed", duration: 1 }));
    expect(() => assertStorableRun(run, { via: "api", commit: "abc\u0000" })).toThrow(/commit/);
    expect(() => assertStorableRun(run, { via: "api", commit: "abc" })).not.toThrow();
  });

  it("a JUnit time beyond int4 milliseconds is not stored as such", () => {
    const xml = `<testsuite name="s" tests="1"><testcase name="slow" time="1e300"/></testsuite>`;
    const run = parseTestResults(xml);
    expect(() => assertStorableRun(run, { via: "api" })).not.toThrow();
    expect(run.cases[0]?.durationMs).toBeLessThanOrEqual(2_147_483_647);
  });
});
