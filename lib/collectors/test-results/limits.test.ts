import { describe, expect, it } from "vitest";
import { LIMITS } from "./limits";
import { parseTestResults } from "./parse";
import { allProperties } from "./types";

function refusal(content: string) {
  try {
    parseTestResults(content);
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error("parsed");
}

const props = (n: number, prefix = "p") =>
  `<properties>${Array.from({ length: n }, (_, i) => `<property name="${prefix}${i}" value="v"/>`).join("")}</properties>`;

describe("JUnit limits", () => {
  it("keeps suite properties once per suite: every case points to the same bag", () => {
    const run = parseTestResults(
      `<testsuite name="s">${props(50)}<testcase name="a"/><testcase name="b"/></testsuite>`,
    );
    const [a, b] = run.cases;
    expect(a!.inherited).toBe(b!.inherited);
    expect(a!.properties).toEqual({});
    expect(Object.keys(allProperties(a!))).toHaveLength(50);
  });

  it("refuses more properties on one suite than the limit with 413", () => {
    const err = refusal(
      `<testsuite name="big">${props(LIMITS.propertiesPerElement + 1)}<testcase name="a"/></testsuite>`,
    );
    expect(err).toMatchObject({ code: "too_large" });
    expect(err.message).toMatch(/Suite "big" has more than 1,000 properties/);
  });

  it("refuses more properties on one case than the limit with 413", () => {
    const err = refusal(
      `<testsuite name="s"><testcase name="t">${props(LIMITS.propertiesPerElement + 1)}</testcase></testsuite>`,
    );
    expect(err).toMatchObject({ code: "too_large" });
    expect(err.message).toMatch(/Test "t" has more than/);
  });

  it("refuses more properties in the file than the limit with 413", () => {
    const per = LIMITS.propertiesPerElement;
    const suites = Math.ceil(LIMITS.properties / per) + 1;
    const body = Array.from(
      { length: suites },
      (_, i) => `<testsuite name="s${i}">${props(per)}</testsuite>`,
    ).join("");
    const err = refusal(`<testsuites>${body}</testsuites>`);
    expect(err).toMatchObject({ code: "too_large" });
    expect(err.message).toMatch(/more than 200,000 properties in all/);
  });

  it("refuses more cases than the limit with 413", () => {
    const body = "<testcase/>".repeat(LIMITS.cases + 1);
    const err = refusal(`<testsuite name="s">${body}</testsuite>`);
    expect(err).toMatchObject({ code: "too_large" });
    expect(err.message).toMatch(/more than 500,000 test cases/);
  });

  it("refuses nesting deeper than the limit with 400, naming the line", () => {
    const depth = LIMITS.depth + 1;
    const err = refusal(`${"<testsuite>\n".repeat(depth)}${"</testsuite>".repeat(depth)}`);
    expect(err).toMatchObject({ code: "invalid" });
    expect(err.message).toMatch(/Line 65: <testsuite>: elements are nested more than 64 levels/);
  });

  it("refuses an attribute longer than the limit with 400, naming it", () => {
    const name = "x".repeat(LIMITS.attributeChars + 1);
    const err = refusal(`<testsuite name="s"><testcase name="${name}"/></testsuite>`);
    expect(err).toMatchObject({ code: "invalid" });
    expect(err.message).toMatch(/the name attribute of <testcase> is longer than 65,536/);
  });

  it("reads the 20,000-property, 20,000-case file of the report as a refusal, quickly", () => {
    const file = `<testsuites><testsuite name="s">${props(20_000)}${'<testcase classname="c" name="t"/>'.repeat(20_000)}</testsuite></testsuites>`;
    const t = performance.now();
    expect(refusal(file)).toMatchObject({ code: "too_large" });
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});

describe("CTRF limits", () => {
  const ctrf = (tests: unknown[]) => JSON.stringify({ results: { tests } });

  it("refuses more tags and labels on one test than the limit with 413", () => {
    const tags = Array.from({ length: LIMITS.propertiesPerElement + 1 }, (_, i) => `t${i}`);
    const err = refusal(ctrf([{ name: "a", status: "passed", tags }]));
    expect(err).toMatchObject({ code: "too_large" });
    expect(err.message).toMatch(/Test "a" has more than 1,000 properties/);
  });

  it("refuses nesting deeper than the limit with 400", () => {
    const deep = `{"results":{"tests":[],"x":${"[".repeat(100)}${"]".repeat(100)}}}`;
    const err = refusal(deep);
    expect(err).toMatchObject({ code: "invalid" });
    expect(err.message).toMatch(/nested more than 64 levels/);
  });

  it("refuses a name longer than the limit with 400", () => {
    const err = refusal(ctrf([{ name: "n".repeat(LIMITS.attributeChars + 1), status: "passed" }]));
    expect(err).toMatchObject({ code: "invalid" });
    expect(err.message).toMatch(/Test 1: its name is longer than/);
  });

  it("refuses a duration no column can hold with 400, naming the test", () => {
    const err = refusal(
      ctrf([
        { name: "a", status: "passed" },
        { name: "b", status: "passed", duration: 1e308 },
      ]),
    );
    expect(err).toMatchObject({ code: "invalid" });
    expect(err.message).toMatch(/results\.tests\.1\.duration/);
  });

  it("ignores start and stop times outside years 1970–9999", () => {
    const run = parseTestResults(
      JSON.stringify({
        results: {
          summary: { start: 8.64e15, stop: 8.64e15 },
          tests: [{ name: "a", status: "passed" }],
        },
      }),
    );
    expect(run.startedAt).toBeNull();
  });
});

describe("CTRF text PostgreSQL cannot store", () => {
  it("has NUL characters replaced, in names, messages and tags", () => {
    const run = parseTestResults(
      '{"results":{"tests":[{"name":"a\\u0000b","status":"failed","message":"x\\u0000","tags":["t\\u0000"]}]}}',
    );
    const c = run.cases[0]!;
    expect([c.name, c.message, c.properties.tags?.[0]]).toEqual(["a\uFFFDb", "x\uFFFD", "t\uFFFD"]);
  });
});
