import { describe, expect, it } from "vitest";
import type { TokenActor, UserActor } from "@/lib/auth/actor";
import { boundMapper, boundSource, notCurrentReason } from "./token-binding";
import type { MappingContext } from "./mapping";
import type { ParsedCase } from "./types";

const token = (over: Partial<TokenActor> = {}): TokenActor => ({
  kind: "token",
  id: "owner",
  email: "token:ci",
  tokenId: "t1",
  scopes: ["test-results"],
  source: null,
  evidences: [],
  ...over,
});
const user: UserActor = {
  kind: "user",
  id: "u",
  email: "u@example.test",
  name: "U",
  role: "engineer",
  accessExpiresAt: null,
};

const testCase = (tags: string, name = "t"): ParsedCase => ({
  suite: "s",
  classname: null,
  name,
  file: null,
  status: "passed",
  flaky: false,
  durationMs: 1,
  message: null,
  properties: { soc2: [tags] },
});

const ctx: MappingContext = {
  controlsByRef: new Map([
    ["CTL-001", "c1"],
    ["CTL-002", "c2"],
  ]),
  controlsByCriterion: new Map([
    ["CC6.1", ["c1"]],
    ["CC7.2", ["c2"]],
  ]),
  rules: [{ field: "name", pattern: "rule*", controlId: "c2" }],
};

describe("token binding", () => {
  it("keeps tags inside the binding, ignores and reports the others, and limits rules too", () => {
    const m = boundMapper(token({ evidences: ["CTL-001"] }), ctx);
    expect(m.map(testCase("CTL-001, CTL-002, CC7.2, CTL-999"))).toEqual(["c1"]);
    expect(m.map(testCase("", "rule matched"))).toEqual([]);
    // Unknown ids are not "outside the binding": they map to nothing anyway.
    expect([...m.ignored].sort()).toEqual(["CC7.2", "CTL-002"]);
    const byCriterion = boundMapper(token({ evidences: ["CC7.2"] }), ctx);
    expect(byCriterion.map(testCase("CC7.2"))).toEqual(["c2"]);
    expect(byCriterion.map(testCase("", "rule x"))).toEqual(["c2"]);
  });

  it("leaves unbound tokens and people alone", () => {
    expect(boundMapper(token(), ctx).map(testCase("CTL-002"))).toEqual(["c2"]);
    expect(boundMapper(user, ctx).map(testCase("CC6.1"))).toEqual(["c1"]);
  });

  it("holds a bound token to its source", () => {
    const bound = token({ source: "ci-a" });
    expect(boundSource(bound, null)).toBe("ci-a");
    expect(boundSource(bound, "ci-a")).toBe("ci-a");
    expect(() => boundSource(bound, "ci-b")).toThrow(/only report source "ci-a"/);
    expect(boundSource(token(), "anything")).toBe("anything");
  });

  it("says why a token's run is not current: in the future, or past the freshness window", () => {
    const now = new Date("2030-06-15T12:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(notCurrentReason(token(), at(60_000), 7, now)).toBeNull(); // clock skew
    expect(notCurrentReason(token(), at(3_600_000), 7, now)).toMatch(/in the future/);
    expect(notCurrentReason(token(), at(-6 * 86_400_000), 7, now)).toBeNull();
    expect(notCurrentReason(token(), at(-8 * 86_400_000), 7, now)).toMatch(
      /older than the control's 7-day freshness window/,
    );
    expect(notCurrentReason(user, at(-80 * 86_400_000), 7, now)).toBeNull();
    expect(notCurrentReason(token(), null, 7, now)).toBeNull();
  });
});
