import { describe, expect, it } from "vitest";
import { evaluateControl, evaluateCriterion } from "./engine";
import { control, ctx, d, ev } from "./engine.test-helper";
import type { ControlInput, Status } from "./types";

describe("control status", () => {
  it.each<[string, Partial<ControlInput>, Status, RegExp]>([
    [
      "implemented with current accepted evidence",
      {},
      "met",
      /Accepted evidence "Argon2 config" dated 2026-03-01/,
    ],
    [
      "implemented with no evidence",
      { evidence: [] },
      "gap",
      /No evidence linked to "Tenant isolation"/,
    ],
    [
      "implemented with only expired evidence",
      { evidence: [ev({ expiresAt: d("2026-05-01") })] },
      "at_risk",
      /expired on 2026-05-01/,
    ],
    [
      "implemented with evidence before the audit period",
      { evidence: [ev({ evidenceDate: d("2025-11-01") })] },
      "at_risk",
      /outside the audit period 2026-01-01–2026-06-30/,
    ],
    [
      "implemented with evidence only in review",
      { evidence: [ev({ state: "in_review" })] },
      "gap",
      /not accepted yet \(in review\)/,
    ],
    [
      "implemented with rejected evidence only",
      { evidence: [ev({ state: "rejected" })] },
      "gap",
      /No current accepted evidence/,
    ],
    [
      "in progress with current evidence",
      { implementation: "in_progress" },
      "at_risk",
      /still being implemented/,
    ],
    [
      "in progress without evidence",
      { implementation: "in_progress", evidence: [] },
      "gap",
      /No evidence linked/,
    ],
    ["not started", { implementation: "not_started" }, "not_started", /is not started/],
    [
      "not applicable",
      { implementation: "not_applicable", naJustification: "No physical offices" },
      "not_applicable",
      /Not applicable: No physical offices/,
    ],
  ])("%s → %s", (_label, over, status, reason) => {
    const r = evaluateControl(control(over), ctx);
    expect(r.status).toBe(status);
    expect(r.reasons.map((x) => x.text).join("\n")).toMatch(reason);
  });

  it("counts evidence whose covered period overlaps the audit period", () => {
    const r = evaluateControl(
      control({
        evidence: [
          ev({
            evidenceDate: d("2025-12-01"),
            periodStart: d("2025-12-01"),
            periodEnd: d("2026-02-01"),
          }),
        ],
      }),
      ctx,
    );
    expect(r.status).toBe("met");
    expect(r.operating).toBe("effective");
  });

  it("reports design and operating effectiveness separately", () => {
    expect(evaluateControl(control({ implementation: "in_progress" }), ctx)).toMatchObject({
      design: "partial",
      operating: "effective",
    });
    expect(evaluateControl(control({ evidence: [] }), ctx)).toMatchObject({
      design: "effective",
      operating: "none",
    });
  });

  it("lets a signal only make things worse, naming its source", () => {
    const signal = {
      effect: "gap" as const,
      text: "Open P0 backlog item BL-131",
      source: { type: "signal" as const, id: "BL-131", label: "BL-131" },
    };
    const r = evaluateControl(control({ signals: [signal] }), ctx);
    expect(r.status).toBe("gap");
    expect(r.reasons[0]).toMatchObject({
      severity: "gap",
      text: "Open P0 backlog item BL-131",
      source: { id: "BL-131" },
    });
    const mild = evaluateControl(
      control({ evidence: [], signals: [{ ...signal, effect: "at_risk" }] }),
      ctx,
    );
    expect(mild.status).toBe("gap");
  });

  it("orders reasons gaps first, then warnings, then information", () => {
    const r = evaluateControl(
      control({
        evidence: [ev({ id: "a" }), ev({ id: "b", state: "draft", title: "Draft" })],
        signals: [{ effect: "gap", text: "G", source: { type: "signal", id: "s", label: "s" } }],
      }),
      ctx,
    );
    expect(r.reasons.map((x) => x.severity)).toEqual(["gap", "warning", "info"]);
  });

  it("shows an active override next to the computed status; an expired one is ignored", () => {
    const override = {
      status: "met" as const,
      justification: "Compensating manual review",
      expiresAt: d("2026-07-01"),
      by: "officer@example.com",
    };
    const active = evaluateControl(control({ evidence: [], override }), ctx);
    expect(active).toMatchObject({ status: "met", computed: "gap", overridden: true });
    expect(
      active.reasons.some((x) =>
        /Overridden to "met" by officer@example.com until 2026-07-01 \(computed: gap\): Compensating manual review/.test(
          x.text,
        ),
      ),
    ).toBe(true);
    const expired = evaluateControl(
      control({ evidence: [], override: { ...override, expiresAt: d("2026-06-01") } }),
      ctx,
    );
    expect(expired).toMatchObject({ status: "gap", overridden: false });
  });
});

describe("criterion status", () => {
  const met = evaluateControl(control(), ctx);
  const atRisk = evaluateControl(
    control({ id: "c2", title: "Backups", evidence: [ev({ expiresAt: d("2026-05-01") })] }),
    ctx,
  );
  const notStarted = evaluateControl(
    control({ id: "c3", title: "DR test", implementation: "not_started" }),
    ctx,
  );
  const na = evaluateControl(
    control({
      id: "c4",
      title: "Physical",
      implementation: "not_applicable",
      naJustification: "remote",
    }),
    ctx,
  );

  it.each<[string, (typeof met)[], Status]>([
    ["no mapped controls", [], "gap"],
    ["all controls met", [met], "met"],
    ["one control at risk", [met, atRisk], "at_risk"],
    ["a not-started control among others counts as a gap", [met, notStarted], "gap"],
    ["only not-started controls", [notStarted], "not_started"],
    ["only not-applicable controls", [na], "not_applicable"],
    ["not-applicable controls are ignored", [met, na], "met"],
  ])("%s → %s", (_label, controls, status) => {
    expect(
      evaluateCriterion({ id: "CC6.1", title: "t", controls, signals: [], override: null }, ctx)
        .status,
    ).toBe(status);
  });

  it("names the control and its cause in the reasons", () => {
    const r = evaluateCriterion(
      { id: "A1.2", title: "t", controls: [met, atRisk], signals: [], override: null },
      ctx,
    );
    expect(r.reasons[0]).toMatchObject({
      severity: "warning",
      source: { type: "control", id: "c2" },
    });
    expect(r.reasons[0]?.text).toBe(
      'Control "Backups" is at risk: Evidence "Argon2 config" expired on 2026-05-01',
    );
    expect(r.design).toBe("effective");
    expect(r.operating).toBe("partial");
  });

  it("says when nothing is mapped", () => {
    expect(
      evaluateCriterion({ id: "CC1.1", title: "t", controls: [], signals: [], override: null }, ctx)
        .reasons[0]?.text,
    ).toBe("No controls are mapped to CC1.1");
  });
});

describe("criterion signals", () => {
  const met = evaluateControl(control(), ctx);
  const gapSignal = {
    effect: "gap" as const,
    text: "Open P0 CRITICAL backlog item BL-131",
    source: { type: "backlog" as const, id: "BL-131", label: "BL-131" },
  };
  const riskSignal = {
    effect: "at_risk" as const,
    text: "must-have PARTIAL",
    source: { type: "phase" as const, id: "25", label: "Phase 25" },
  };

  it("a signal on the criterion makes a met criterion worse and is named", () => {
    const r = evaluateCriterion(
      { id: "CC6.1", title: "t", controls: [met], signals: [riskSignal], override: null },
      ctx,
    );
    expect(r.status).toBe("at_risk");
    expect(r.reasons[0]).toMatchObject({ severity: "warning", text: "must-have PARTIAL" });
  });

  it("the worst signal wins and signals never improve status", () => {
    expect(
      evaluateCriterion(
        {
          id: "CC6.1",
          title: "t",
          controls: [met],
          signals: [riskSignal, gapSignal],
          override: null,
        },
        ctx,
      ).status,
    ).toBe("gap");
  });

  it("a criterion without controls still lists its signals", () => {
    const r = evaluateCriterion(
      { id: "CC6.1", title: "t", controls: [], signals: [gapSignal], override: null },
      ctx,
    );
    expect(r.reasons.map((x) => x.text)).toContain("Open P0 CRITICAL backlog item BL-131");
  });
});
