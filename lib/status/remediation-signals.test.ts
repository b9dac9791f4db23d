import { describe, expect, it } from "vitest";
import { backlogSignal, phaseSignals } from "./remediation-signals";

const now = new Date("2026-03-10T12:00:00Z");
const item = (over: Partial<Parameters<typeof backlogSignal>[0]> = {}) => ({
  id: "i1",
  key: "BL-131",
  title: "RLS on 39 tables",
  priority: "P0" as const,
  status: "awaiting_deployment" as const,
  dueDate: null,
  ...over,
});

describe("backlog items as status signals", () => {
  it("an open P0 item is a gap naming the item", () => {
    const s = backlogSignal(item(), now)!;
    expect(s.effect).toBe("gap");
    expect(s.text).toBe(
      'Open P0 CRITICAL backlog item BL-131 "RLS on 39 tables" (awaiting deployment)',
    );
    expect(s.source).toMatchObject({ type: "backlog", id: "BL-131" });
  });

  it("an open P1 item puts the control at risk and says when it is overdue", () => {
    const s = backlogSignal(
      item({ key: "BL-135", priority: "P1", status: "open", dueDate: new Date("2026-03-01") }),
      now,
    )!;
    expect(s.effect).toBe("at_risk");
    expect(s.text).toMatch(/overdue since 2026-03-01/);
  });

  it("a resolved but unverified P0 item is still at risk; verified, accepted and low-priority items are not signals", () => {
    expect(backlogSignal(item({ status: "resolved" }), now)?.effect).toBe("at_risk");
    expect(backlogSignal(item({ status: "verified" }), now)).toBeNull();
    expect(backlogSignal(item({ status: "risk_accepted" }), now)).toBeNull();
    expect(backlogSignal(item({ status: "false_positive" }), now)).toBeNull();
    expect(backlogSignal(item({ priority: "P2", status: "open" }), now)).toBeNull();
    expect(backlogSignal(item({ priority: "P3", status: "open" }), now)).toBeNull();
  });
});

describe("phase gaps as status signals", () => {
  const phase = {
    id: "p25",
    number: 25,
    title: "Multi-Tenancy Schema & Audit Foundation",
    requirements: [
      { code: "TENANT-04", criteria: ["CC6.1"] },
      { code: "SOC2-02", criteria: ["CC7.2"] },
    ],
    mustHaves: [
      {
        truth: "tenants table exists",
        verdict: "verified" as const,
        reason: "",
        requirements: ["TENANT-04"],
      },
      {
        truth: "RLS policies are active",
        verdict: "partial" as const,
        reason: "withTenant() never used",
        requirements: ["TENANT-04"],
      },
      {
        truth: "audit_logs records all security events",
        verdict: "failed" as const,
        reason: "writeAuditLog() never called",
        requirements: ["SOC2-02"],
      },
    ],
  };
  it("failed → gap and partial → at risk on the criteria of the named requirements only", () => {
    const m = phaseSignals(phase);
    expect(m.get("CC6.1")!.map((s) => s.effect)).toEqual(["at_risk"]);
    expect(m.get("CC7.2")!.map((s) => s.effect)).toEqual(["gap"]);
    expect(m.get("CC7.2")![0]?.text).toBe(
      'Phase 25 "Multi-Tenancy Schema & Audit Foundation": must-have "audit_logs records all security events" is FAILED — writeAuditLog() never called',
    );
  });
  it("verified and unassessed must-haves produce nothing", () => {
    expect(
      phaseSignals({
        ...phase,
        mustHaves: [
          { ...phase.mustHaves[0]! },
          { ...phase.mustHaves[1]!, verdict: "pending" as const },
        ],
      }).size,
    ).toBe(0);
  });
});
