import { describe, expect, it } from "vitest";
import { closureStep, needsSecondPerson } from "./critical-closure";

const admin = { id: "a", isAdmin: true };
const otherAdmin = { id: "b", isAdmin: true };
const engineer = { id: "e", isAdmin: false };

describe("closing a P0/P1 item as risk accepted or false positive", () => {
  it("applies to P0 and P1 closures as risk accepted or false positive only", () => {
    expect(needsSecondPerson("P0", "risk_accepted")).toBe(true);
    expect(needsSecondPerson("P1", "false_positive")).toBe(true);
    expect(needsSecondPerson("P2", "risk_accepted")).toBe(false);
    expect(needsSecondPerson("P0", "resolved")).toBe(false);
  });

  it("raises a proposal first, whoever asks", () => {
    expect(closureStep("risk_accepted", engineer, null)).toEqual({ kind: "propose" });
    expect(closureStep("risk_accepted", admin, null)).toEqual({ kind: "propose" });
    // A proposal for the other kind of closure does not count.
    expect(closureStep("risk_accepted", otherAdmin, { to: "false_positive", byId: "e" })).toEqual({
      kind: "propose",
    });
  });

  it("is confirmed only by an administrator who did not raise it", () => {
    const raised = { to: "risk_accepted" as const, byId: "a" };
    expect(closureStep("risk_accepted", engineer, raised)).toMatchObject({ code: "forbidden" });
    expect(closureStep("risk_accepted", admin, raised)).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/another administrator/),
    });
    expect(closureStep("risk_accepted", otherAdmin, raised)).toEqual({ kind: "confirm" });
  });
});
