import { describe, expect, it } from "vitest";
import { evaluateControl } from "./engine";
import { control, ctx, d, ev } from "./engine.test-helper";
import type { ControlInput, Status } from "./types";

describe("operating effectiveness (Type II) from coverage over the period", () => {
  // Coverage decided elsewhere (lib/coverage); here only how the engine reads it.
  const coverage = (
    over: Partial<NonNullable<ControlInput["coverage"]>> = {},
  ): NonNullable<ControlInput["coverage"]> => ({
    controlId: "c1",
    frequency: "weekly",
    derived: false,
    occurrences: [],
    judged: 10,
    operated: 10,
    percent: 100,
    uncovered: [],
    exceptions: [],
    ...over,
  });
  const gap = {
    start: d("2026-03-02"),
    end: d("2026-03-16"),
    text: "No evidence 2026-03-02 – 2026-03-15",
  };

  it.each<[string, Partial<ControlInput>, Status, string, RegExp]>([
    [
      "every judged occurrence operated → met, even with today's evidence expired",
      { coverage: coverage(), evidence: [ev({ expiresAt: d("2026-05-01") })] },
      "met",
      "effective",
      /Operated in 10 of 10 weekly occurrence\(s\) .* \(100% coverage\)/,
    ],
    [
      "an uncovered interval → at risk, naming it",
      { coverage: coverage({ operated: 8, percent: 80, uncovered: [gap] }) },
      "at_risk",
      "partial",
      /^No evidence 2026-03-02 – 2026-03-15$/,
    ],
    [
      "operated in no occurrence → gap",
      { coverage: coverage({ operated: 0, percent: 0, uncovered: [gap] }) },
      "gap",
      "none",
      /No record of "Tenant isolation" operating in the audit period/,
    ],
    [
      "in progress and fully covered stays at risk (design view unchanged)",
      { implementation: "in_progress", coverage: coverage() },
      "at_risk",
      "effective",
      /still being implemented/,
    ],
    [
      "nothing judged yet falls back to today's evidence",
      { coverage: coverage({ judged: 0, operated: 0, percent: null }) },
      "met",
      "effective",
      /Accepted evidence "Argon2 config"/,
    ],
  ])("%s", (_, over, status, operating, reason) => {
    const r = evaluateControl(control(over), ctx);
    expect([r.status, r.operating]).toEqual([status, operating]);
    expect(r.reasons.some((x) => reason.test(x.text))).toBe(true);
  });

  it("names exceptions as information, and non-accepted evidence still says so", () => {
    const r = evaluateControl(
      control({
        evidence: [ev({ id: "e2", title: "Pen test", state: "draft" })],
        coverage: coverage({
          exceptions: [
            {
              kind: "failed_run",
              start: d("2026-03-03"),
              end: d("2026-03-04"),
              text: "1 of 1 test run(s) on 2026-03-03 had failing mapped tests",
              link: { type: "run", id: "r1" },
            },
          ],
        }),
      }),
      ctx,
    );
    expect(r.status).toBe("met");
    expect(r.reasons.map((x) => [x.severity, x.text])).toEqual([
      ["warning", 'Evidence "Pen test" is not accepted yet (draft)'],
      [
        "info",
        "Operated in 10 of 10 weekly occurrence(s) of the audit period so far (100% coverage)",
      ],
      ["info", "Exception: 1 of 1 test run(s) on 2026-03-03 had failing mapped tests"],
    ]);
  });

  it("ignores coverage when no audit period is set", () => {
    const r = evaluateControl(control({ evidence: [], coverage: coverage() }), {
      ...ctx,
      period: null,
    });
    expect(r.status).toBe("gap");
  });
});
