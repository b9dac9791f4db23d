// The status engine: pure functions from controls, evidence and signals to a status with
// the reasons that produced it. The rules (also in README "Status rules"):
//
// Operating effectiveness (Type II) over an audit period comes from coverage (lib/coverage):
// "effective" when the control operated in every judged occurrence of the period, "partial"
// when some occurrences are uncovered (each uncovered interval named), "none" when it operated
// in none. Without a period, or before any occurrence can be judged, it falls back to today's
// evidence: accepted, not expired and dated (or covering a period) inside the audit period —
// "effective" with at least one such item, "partial" when accepted evidence exists but has
// expired or falls outside the period, "none" otherwise.
//
// Control: not applicable → not_applicable; not started → not_started; implemented →
// met / at_risk / gap for operating effective / partial / none; in progress → at_risk when
// operating effectiveness is proved, else gap. Each signal (backlog item, failing tests, …)
// can only make it worse (at_risk or gap). An active override replaces the status shown;
// the computed one stays visible.
//
// Criterion: no mapped controls → gap; all mapped controls not applicable →
// not_applicable; all applicable ones not started → not_started; otherwise the worst of
// its applicable controls, a not-started control counting as a gap, made worse by the
// signals linked to the criterion itself (backlog items, phase gaps).
import { isoDay } from "@/lib/dates";
import type {
  ControlInput,
  ControlResult,
  CriterionInput,
  Design,
  EngineContext,
  Evaluation,
  Operating,
  OverrideInput,
  Reason,
  Severity,
  Signal,
  Status,
} from "./types";
import { operatingFrom, operatingFromCoverage } from "./operating";

const RANK: Record<"met" | "at_risk" | "gap", number> = { met: 0, at_risk: 1, gap: 2 };
const SEVERITY_ORDER: Record<Severity, number> = { gap: 0, warning: 1, info: 2 };

function worst(a: "met" | "at_risk" | "gap", b: "met" | "at_risk" | "gap") {
  return RANK[a] >= RANK[b] ? a : b;
}

function sortReasons(reasons: Reason[]): Reason[] {
  return reasons
    .map((r, i) => ({ r, i }))
    .sort((x, y) => SEVERITY_ORDER[x.r.severity] - SEVERITY_ORDER[y.r.severity] || x.i - y.i)
    .map((x) => x.r);
}

function signalReasons(signals: Signal[]): Reason[] {
  return signals.map((s) => ({
    severity: s.effect === "gap" ? "gap" : "warning",
    text: s.text,
    source: s.source,
  }));
}

function applyOverride(
  computed: Status,
  override: OverrideInput | null,
  ctx: EngineContext,
  target: { type: "control" | "criterion"; id: string; label: string },
) {
  if (!override) return { status: computed, overridden: false, reasons: [] as Reason[] };
  const source = { type: "override" as const, id: target.id, label: `Override of ${target.label}` };
  if (override.expiresAt <= ctx.now) {
    return {
      status: computed,
      overridden: false,
      reasons: [
        {
          severity: "info" as const,
          text: `Override by ${override.by} expired on ${isoDay(override.expiresAt)} and no longer applies`,
          source,
        },
      ],
    };
  }
  const text = `Overridden to "${override.status.replace("_", " ")}" by ${override.by} until ${isoDay(override.expiresAt)} (computed: ${computed.replace("_", " ")}): ${override.justification}`;
  return {
    status: override.status,
    overridden: true,
    reasons: [{ severity: "warning" as const, text, source }],
  };
}

export function evaluateControl(c: ControlInput, ctx: EngineContext): ControlResult {
  const self = { type: "control" as const, id: c.id, label: c.title };
  const finish = (
    computed: Status,
    design: Design,
    operating: Operating,
    reasons: Reason[],
  ): ControlResult => {
    const o = applyOverride(computed, c.override, ctx, self);
    return {
      id: c.id,
      title: c.title,
      status: o.status,
      computed,
      overridden: o.overridden,
      design,
      operating,
      reasons: sortReasons([...o.reasons, ...reasons]),
    };
  };
  if (c.implementation === "not_applicable") {
    return finish("not_applicable", "not_applicable", "not_applicable", [
      {
        severity: "info",
        text: `Not applicable: ${c.naJustification ?? "no justification recorded"}`,
        source: self,
      },
    ]);
  }
  if (c.implementation === "not_started") {
    return finish("not_started", "missing", "none", [
      { severity: "gap", text: `Control "${c.title}" is not started`, source: self },
    ]);
  }
  const byCoverage = ctx.period && c.coverage && c.coverage.judged > 0 ? c.coverage : null;
  const { operating, reasons } = byCoverage
    ? operatingFromCoverage(c, byCoverage)
    : operatingFrom(c.evidence, ctx);
  let status: "met" | "at_risk" | "gap";
  const design: Design = c.implementation === "implemented" ? "effective" : "partial";
  if (design === "effective") {
    status = operating === "effective" ? "met" : operating === "partial" ? "at_risk" : "gap";
  } else {
    reasons.push({
      severity: "warning",
      text: `Control "${c.title}" is still being implemented`,
      source: self,
    });
    status = operating === "effective" ? "at_risk" : "gap";
  }
  if (byCoverage) {
    if (operating === "none")
      reasons.push({
        severity: "gap",
        text: `No record of "${c.title}" operating in the audit period`,
        source: self,
      });
  } else if (operating === "none")
    reasons.push({
      severity: "gap",
      text:
        c.evidence.length === 0
          ? `No evidence linked to "${c.title}"`
          : `No current accepted evidence for "${c.title}"`,
      source: self,
    });
  else if (operating === "partial")
    reasons.push({
      severity: "warning",
      text: `No current accepted evidence inside the audit period for "${c.title}"`,
      source: self,
    });
  for (const s of c.signals) status = worst(status, s.effect);
  // With coverage, today's signals come first among equals: they are what to act on now.
  return finish(
    status,
    design,
    operating,
    byCoverage
      ? [...signalReasons(c.signals), ...reasons]
      : [...reasons, ...signalReasons(c.signals)],
  );
}

function combineDesign(values: Design[]): Design {
  if (values.every((d) => d === "effective")) return "effective";
  if (values.every((d) => d === "missing")) return "missing";
  return "partial";
}

function combineOperating(values: Operating[]): Operating {
  if (values.every((o) => o === "effective")) return "effective";
  if (values.some((o) => o === "effective" || o === "partial")) return "partial";
  return "none";
}

export function evaluateCriterion(c: CriterionInput, ctx: EngineContext): Evaluation {
  const self = { type: "criterion" as const, id: c.id, label: c.id };
  const finish = (
    computed: Status,
    design: Design,
    operating: Operating,
    reasons: Reason[],
  ): Evaluation => {
    const o = applyOverride(computed, c.override, ctx, self);
    return {
      status: o.status,
      computed,
      overridden: o.overridden,
      design,
      operating,
      reasons: sortReasons([...o.reasons, ...reasons]),
    };
  };
  if (c.controls.length === 0) {
    return finish("gap", "missing", "none", [
      { severity: "gap", text: `No controls are mapped to ${c.id}`, source: self },
      ...signalReasons(c.signals),
    ]);
  }
  const applicable = c.controls.filter((r) => r.status !== "not_applicable");
  if (applicable.length === 0) {
    return finish("not_applicable", "not_applicable", "not_applicable", [
      {
        severity: "info",
        text: `All ${c.controls.length} mapped control(s) are not applicable`,
        source: self,
      },
    ]);
  }
  const reasons: Reason[] = applicable.map((r) => {
    const source = { type: "control" as const, id: r.id, label: r.title };
    const cause = r.reasons.find((x) => x.severity !== "info")?.text;
    if (r.status === "met")
      return { severity: "info" as const, text: `Control "${r.title}" is met`, source };
    const label = r.status === "gap" ? "has a gap" : `is ${r.status.replace("_", " ")}`;
    return {
      severity: r.status === "at_risk" ? ("warning" as const) : ("gap" as const),
      text: `Control "${r.title}" ${label}${cause ? `: ${cause}` : ""}`,
      source,
    };
  });
  const design = combineDesign(applicable.map((r) => r.design));
  const operating = combineOperating(applicable.map((r) => r.operating));
  if (applicable.every((r) => r.status === "not_started")) {
    return finish("not_started", design, operating, [...reasons, ...signalReasons(c.signals)]);
  }
  let status = applicable.reduce<"met" | "at_risk" | "gap">(
    (acc, r) =>
      worst(acc, r.status === "not_started" ? "gap" : (r.status as "met" | "at_risk" | "gap")),
    "met",
  );
  for (const s of c.signals) status = worst(status, s.effect);
  return finish(status, design, operating, [...reasons, ...signalReasons(c.signals)]);
}
