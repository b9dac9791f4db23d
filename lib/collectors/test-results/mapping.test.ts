import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { explicitIds, globMatch, globToRegExp, mapCase, type MappingContext } from "./mapping";
import type { ParsedCase } from "./types";

const base: ParsedCase = {
  suite: "apps.core.tests.security",
  classname: "TestTenantIsolation",
  name: "test_cross_org_read",
  file: "apps/core/tests/security/test_tenant_isolation.py",
  status: "passed",
  flaky: false,
  durationMs: 1,
  message: null,
  properties: {},
};
const ctx: MappingContext = {
  controlsByRef: new Map([
    ["CTL-003", "c3"],
    ["CTL-009", "c9"],
  ]),
  controlsByCriterion: new Map([
    ["CC6.1", ["c1", "c3"]],
    ["C1.1", ["c7"]],
  ]),
  rules: [
    { field: "file", pattern: "apps/core/tests/security/*", controlId: "c3" },
    { field: "name", pattern: "test_login_*", controlId: "c9" },
  ],
};

describe("mapping tests to controls", () => {
  it.each<[string, Partial<ParsedCase>, string[]]>([
    ["a soc2 property naming a criterion", { properties: { soc2: ["CC6.1"] } }, ["CC6.1"]],
    [
      "a control property with several ids",
      { properties: { control: ["CTL-003, CC6.1"] } },
      ["CTL-003", "CC6.1"],
    ],
    ["CTRF tags", { properties: { tags: ["smoke", "C1.1"] } }, ["C1.1"]],
    ["a label whose whole value is an id", { properties: { requirement: ["CC6.1"] } }, ["CC6.1"]],
    ["a bracketed id in the test name", { name: "denies cross-tenant read [CC6.1]" }, ["CC6.1"]],
    ["a bracketed id in the suite", { suite: "[CTL-009] login flow" }, ["CTL-009"]],
  ])("reads %s", (_label, over, ids) => {
    expect(explicitIds({ ...base, ...over }).sort()).toEqual(ids.sort());
  });

  it("does not read ids out of free text", () => {
    expect(
      explicitIds({
        ...base,
        properties: { description: ["covers CC6.1 partly"] },
        name: "CC6.1 without brackets",
      }),
    ).toEqual([]);
  });

  it("lets explicit tags win over rules, expanding a criterion to its controls", () => {
    expect(mapCase({ ...base, properties: { soc2: ["CC6.1"] } }, ctx)).toEqual({
      controlIds: ["c1", "c3"],
      via: "tag",
    });
  });

  it("falls back to rules, then to unmapped", () => {
    expect(mapCase(base, ctx)).toEqual({ controlIds: ["c3"], via: "rule" });
    expect(mapCase({ ...base, file: null, name: "test_login_locks_after_5" }, ctx)).toEqual({
      controlIds: ["c9"],
      via: "rule",
    });
    expect(mapCase({ ...base, file: "other.py" }, ctx)).toEqual({ controlIds: [], via: null });
  });

  it("treats an unknown tagged id as no tag", () => {
    expect(mapCase({ ...base, file: null, properties: { soc2: ["CTL-999"] } }, ctx)).toEqual({
      controlIds: [],
      via: null,
    });
  });

  it("matches globs whole and case-insensitively, escaping regex characters", () => {
    expect(globToRegExp("apps/*.py").test("apps/x/y.py")).toBe(true);
    expect(globToRegExp("test_?").test("TEST_A")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
    expect(globToRegExp("auth").test("authz")).toBe(false);
  });
});

describe("glob matching in linear time", () => {
  it("agrees with the glob's regular expression", () => {
    const alphabet = fc.constantFrom("a", "b", "*", "?", ".");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }).map((a) => a.join("")),
        fc.array(fc.constantFrom("a", "b", "A", "."), { maxLength: 10 }).map((a) => a.join("")),
        (pattern, text) => {
          expect(globMatch(pattern, text)).toBe(globToRegExp(pattern).test(text));
        },
      ),
    );
  });

  it("answers a pathological pattern at once", () => {
    const started = performance.now();
    expect(globMatch("a*".repeat(100) + "b", "a".repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
