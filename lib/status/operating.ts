// Operating effectiveness (Type II) of one control: from its coverage over the audit period
// when there is one, else from today's evidence (the rules are at the top of engine.ts).
import { isoDay } from "@/lib/dates";
import { FREQUENCY_ADJECTIVE } from "@/lib/coverage/frequency";
import type { ControlCoverage } from "@/lib/coverage/types";
import type { ControlInput, EngineContext, EvidenceInput, Operating, Reason } from "./types";

type EvidenceVerdict = "current" | "stale" | "not_accepted";

function judgeEvidence(
  e: EvidenceInput,
  ctx: EngineContext,
): { verdict: EvidenceVerdict; reason: Reason } {
  const source = { type: "evidence" as const, id: e.id, label: e.title };
  if (e.state === "rejected")
    return {
      verdict: "not_accepted",
      reason: { severity: "info", text: `Evidence "${e.title}" was rejected`, source },
    };
  if (e.state === "draft" || e.state === "in_review") {
    return {
      verdict: "not_accepted",
      reason: {
        severity: "warning",
        text: `Evidence "${e.title}" is not accepted yet (${e.state.replace("_", " ")})${e.notCurrentReason ? `: it does not count as current evidence because ${e.notCurrentReason}` : ""}`,
        source,
      },
    };
  }
  if (e.state === "expired" || (e.expiresAt && e.expiresAt <= ctx.now)) {
    const when = e.expiresAt ? ` on ${isoDay(e.expiresAt)}` : "";
    return {
      verdict: "stale",
      reason: { severity: "warning", text: `Evidence "${e.title}" expired${when}`, source },
    };
  }
  if (ctx.period) {
    const from = e.periodStart ?? e.evidenceDate;
    const to = e.periodEnd ?? e.evidenceDate;
    if (to < ctx.period.start || from > ctx.period.end) {
      return {
        verdict: "stale",
        reason: {
          severity: "warning",
          text: `Evidence "${e.title}" (${isoDay(from)}${to > from ? `–${isoDay(to)}` : ""}) lies outside the audit period ${isoDay(ctx.period.start)}–${isoDay(ctx.period.end)}`,
          source,
        },
      };
    }
  }
  return {
    verdict: "current",
    reason: {
      severity: "info",
      text: `Accepted evidence "${e.title}" dated ${isoDay(e.evidenceDate)}`,
      source,
    },
  };
}

export function operatingFrom(
  evidence: EvidenceInput[],
  ctx: EngineContext,
): { operating: Operating; reasons: Reason[] } {
  const judged = evidence.map((e) => judgeEvidence(e, ctx));
  const reasons = judged.map((j) => j.reason);
  if (judged.some((j) => j.verdict === "current")) return { operating: "effective", reasons };
  if (judged.some((j) => j.verdict === "stale")) return { operating: "partial", reasons };
  return { operating: "none", reasons };
}

const EXCEPTIONS_NAMED = 5;

/** Not-accepted evidence is judged without a date or period: its verdict depends on neither. */
const NO_CONTEXT: EngineContext = { now: new Date(0), period: null };

/** Type II from coverage: which occurrences of the period the control operated in. */
export function operatingFromCoverage(
  c: ControlInput,
  coverage: ControlCoverage,
): { operating: Operating; reasons: Reason[] } {
  const source = { type: "coverage" as const, id: c.id, label: "coverage" };
  const adjective = FREQUENCY_ADJECTIVE[coverage.frequency];
  const operating: Operating =
    coverage.operated === 0 ? "none" : coverage.uncovered.length > 0 ? "partial" : "effective";
  const reasons: Reason[] = [
    {
      severity: "info",
      text: `Operated in ${coverage.operated} of ${coverage.judged} ${adjective} occurrence(s) of the audit period so far (${coverage.percent}% coverage)`,
      source,
    },
  ];
  for (const u of coverage.uncovered)
    reasons.push({ severity: operating === "none" ? "gap" : "warning", text: u.text, source });
  for (const e of coverage.exceptions.slice(0, EXCEPTIONS_NAMED))
    reasons.push({ severity: "info", text: `Exception: ${e.text}`, source });
  if (coverage.exceptions.length > EXCEPTIONS_NAMED)
    reasons.push({
      severity: "info",
      text: `and ${coverage.exceptions.length - EXCEPTIONS_NAMED} more exception(s) on the coverage page`,
      source,
    });
  // Evidence that is not accepted never counts, and says so (accepted items speak through coverage).
  // Only those are judged: judging every accepted item built its dated text just to drop it.
  for (const e of c.evidence)
    if (e.state === "rejected" || e.state === "draft" || e.state === "in_review")
      reasons.push(judgeEvidence(e, NO_CONTEXT).reason);
  return { operating, reasons };
}
