import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  burndown,
  isOverdue,
  transitionRefusal,
  type BacklogStatus,
} from "./workflow";

const ctx = (over: Partial<Parameters<typeof transitionRefusal>[2]> = {}) => ({
  actorId: "verifier",
  resolvedById: "fixer",
  checks: [],
  ...over,
});

describe("backlog workflow", () => {
  it.each<[BacklogStatus, BacklogStatus, boolean]>([
    ["open", "in_progress", true],
    ["in_progress", "awaiting_deployment", true],
    ["awaiting_deployment", "resolved", true],
    ["resolved", "verified", true],
    ["open", "verified", false],
    ["awaiting_deployment", "verified", false],
    ["verified", "resolved", false],
    ["verified", "open", true],
    ["risk_accepted", "open", true],
  ])("%s → %s allowed: %s", (from, to, ok) => {
    expect(allowedTransitions(from).includes(to)).toBe(ok);
    const refusal = transitionRefusal(from, to, ctx({ justification: "x" }));
    expect(refusal === null).toBe(ok);
  });

  it("risk accepted and false positive need a justification", () => {
    expect(transitionRefusal("open", "risk_accepted", ctx())).toEqual({
      code: "invalid",
      message: expect.stringMatching(/justification/),
    });
    expect(transitionRefusal("open", "false_positive", ctx({ justification: "  " }))).toEqual({
      code: "invalid",
      message: expect.stringMatching(/justification/),
    });
    expect(
      transitionRefusal(
        "open",
        "risk_accepted",
        ctx({ justification: "Compensating control CTL-004" }),
      ),
    ).toBeNull();
  });

  it("verification needs a second person and every check done by someone other than the resolver", () => {
    expect(transitionRefusal("resolved", "verified", ctx({ actorId: "fixer" }))).toEqual({
      code: "conflict",
      message: expect.stringMatching(/resolved the item cannot verify/),
    });
    expect(transitionRefusal("resolved", "verified", ctx({ resolvedById: null }))?.message).toMatch(
      /resolve it before/,
    );
    expect(
      transitionRefusal(
        "resolved",
        "verified",
        ctx({ checks: [{ checkedById: "verifier" }, { checkedById: null }] }),
      )?.message,
    ).toMatch(/1 verification checklist item/);
    expect(
      transitionRefusal(
        "resolved",
        "verified",
        ctx({ checks: [{ checkedById: "fixer" }, { checkedById: "verifier" }] }),
      )?.message,
    ).toMatch(/checked by the person who resolved/);
    expect(
      transitionRefusal(
        "resolved",
        "verified",
        ctx({ checks: [{ checkedById: "verifier" }, { checkedById: "third" }] }),
      ),
    ).toBeNull();
  });

  it("refuses a move to the same status", () => {
    expect(transitionRefusal("open", "open", ctx())).toEqual({
      code: "conflict",
      message: "The item is already open.",
    });
    expect(transitionRefusal("verified", "resolved", ctx())?.code).toBe("conflict");
  });
});

describe("overdue", () => {
  const now = new Date("2026-03-10T15:00:00Z");
  it("flags open items past their due day, not on the day itself, and never closed ones", () => {
    expect(isOverdue({ status: "open", dueDate: new Date("2026-03-09") }, now)).toBe(true);
    expect(isOverdue({ status: "awaiting_deployment", dueDate: new Date("2026-03-10") }, now)).toBe(
      false,
    );
    expect(isOverdue({ status: "resolved", dueDate: new Date("2026-01-01") }, now)).toBe(false);
    expect(isOverdue({ status: "open", dueDate: null }, now)).toBe(false);
  });
});

describe("burndown", () => {
  it("replays recorded transitions into daily open/closed counts", () => {
    const t = (itemId: string, at: string, to: BacklogStatus) => ({ itemId, at: new Date(at), to });
    const points = burndown(
      [
        t("a", "2026-03-01T09:00:00Z", "open"),
        t("b", "2026-03-01T10:00:00Z", "open"),
        t("a", "2026-03-02T12:00:00Z", "resolved"),
        t("c", "2026-03-03T08:00:00Z", "open"),
        t("a", "2026-03-03T09:00:00Z", "open"),
      ],
      new Date("2026-02-28T00:00:00Z"),
      new Date("2026-03-03T00:00:00Z"),
    );
    expect(points).toEqual([
      { day: "2026-02-28", open: 0, closed: 0 },
      { day: "2026-03-01", open: 2, closed: 0 },
      { day: "2026-03-02", open: 1, closed: 1 },
      { day: "2026-03-03", open: 3, closed: 0 },
    ]);
  });
});
