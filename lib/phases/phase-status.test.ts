import { describe, expect, it } from "vitest";
import {
  checklistScore,
  mustHaveCriteria,
  mustHaveScore,
  phaseStatus,
  requirementCoverage,
  verifierRefusal,
  type Verdict,
} from "./phase-status";

describe("phase score and status", () => {
  // Seed 001: three truths verified, one partial, one failed → 3/5, gaps found.
  const seed001: Verdict[] = ["verified", "verified", "verified", "partial", "failed"];

  it("scores verified must-haves out of all of them", () => {
    expect(mustHaveScore(seed001.map((verdict) => ({ verdict })))).toEqual({ done: 3, total: 5 });
  });

  it.each<[string, "pending" | "in_progress" | "complete", Verdict[], string]>([
    [
      "a partial or failed must-have shows gaps even when declared complete",
      "complete",
      seed001,
      "gaps_found",
    ],
    ["a single partial is enough", "in_progress", ["verified", "partial"], "gaps_found"],
    ["all verified", "complete", ["verified", "verified"], "verified"],
    ["all verified overrides a stale declaration", "in_progress", ["verified"], "verified"],
    [
      "unassessed must-haves keep the declared progress",
      "complete",
      ["verified", "pending"],
      "complete",
    ],
    ["no must-haves keep the declared progress", "pending", [], "pending"],
  ])("%s", (_l, progress, verdicts, expected) => {
    expect(phaseStatus(progress, verdicts)).toBe(expected);
  });

  it("counts ticked deliverables", () => {
    expect(checklistScore([{ done: true }, { done: false }, { done: true }])).toEqual({
      done: 2,
      total: 3,
    });
  });
});

describe("requirements", () => {
  const mustHaves = [
    { verdict: "verified" as Verdict, requirements: ["TENANT-01"] },
    { verdict: "partial" as Verdict, requirements: ["TENANT-04", "TENANT-05"] },
    { verdict: "failed" as Verdict, requirements: ["SOC2-02"] },
    { verdict: "verified" as Verdict, requirements: ["TENANT-04"] },
  ];
  it("coverage is the worst verdict of the must-haves naming the requirement", () => {
    expect(requirementCoverage("TENANT-01", mustHaves)).toBe("verified");
    expect(requirementCoverage("TENANT-04", mustHaves)).toBe("partial");
    expect(requirementCoverage("SOC2-02", mustHaves)).toBe("failed");
    expect(requirementCoverage("SOC2-01", mustHaves)).toBeNull();
  });

  it("a must-have speaks for the criteria of its requirements, or all of the phase's", () => {
    const reqs = [
      { code: "TENANT-04", criteria: ["CC6.1"] },
      { code: "SOC2-02", criteria: ["CC7.2", "CC7.3"] },
    ];
    expect(mustHaveCriteria({ requirements: ["SOC2-02"] }, reqs)).toEqual(["CC7.2", "CC7.3"]);
    expect(mustHaveCriteria({ requirements: [] }, reqs)).toEqual(["CC6.1", "CC7.2", "CC7.3"]);
  });
});

describe("who may verify", () => {
  it("refuses the phase owner and accepts anyone else", () => {
    expect(verifierRefusal("u1", "u1")).toMatch(/owner cannot verify/);
    expect(verifierRefusal("u2", "u1")).toBeNull();
    expect(verifierRefusal("u2", null)).toBeNull();
    // Owner cleared or handed over after the must-have was delivered: still refused.
    expect(verifierRefusal("u1", null, "u1")).toMatch(/owned the phase when/);
    expect(verifierRefusal("u1", "u2", "u1")).toMatch(/owned the phase when/);
    expect(verifierRefusal("u3", "u2", "u1")).toBeNull();
  });
});
