// Pure rules for phases: the score, the status shown, the gaps, and who may verify.
// The owner declares progress (pending, in progress, complete); the must-haves decide
// whether that claim holds: any PARTIAL or FAILED must-have shows "gaps found", all
// must-haves VERIFIED shows "verified". Unassessed must-haves leave the declared progress.

export type PhaseProgress = "pending" | "in_progress" | "complete";
export type Verdict = "pending" | "verified" | "partial" | "failed";
export type PhaseStatus = PhaseProgress | "gaps_found" | "verified";

export const PHASE_STATUS_LABEL: Record<PhaseStatus, string> = {
  pending: "Pending",
  in_progress: "In progress",
  complete: "Complete",
  gaps_found: "Gaps found",
  verified: "Verified",
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  pending: "Not assessed",
  verified: "VERIFIED",
  partial: "PARTIAL",
  failed: "FAILED",
};

export interface Score {
  done: number;
  total: number;
}

export function mustHaveScore(mustHaves: readonly { verdict: Verdict }[]): Score {
  return {
    done: mustHaves.filter((m) => m.verdict === "verified").length,
    total: mustHaves.length,
  };
}

export function checklistScore(items: readonly { done: boolean }[]): Score {
  return { done: items.filter((i) => i.done).length, total: items.length };
}

export function phaseStatus(progress: PhaseProgress, verdicts: readonly Verdict[]): PhaseStatus {
  if (verdicts.some((v) => v === "partial" || v === "failed")) return "gaps_found";
  if (verdicts.length > 0 && verdicts.every((v) => v === "verified")) return "verified";
  return progress;
}

export function isGap(verdict: Verdict): boolean {
  return verdict === "partial" || verdict === "failed";
}

/** The requirement's coverage: the worst verdict of the must-haves that name it, or null when none does. */
export function requirementCoverage(
  code: string,
  mustHaves: readonly { verdict: Verdict; requirements: readonly string[] }[],
): Verdict | null {
  const linked = mustHaves.filter((m) => m.requirements.includes(code));
  if (linked.length === 0) return null;
  for (const v of ["failed", "partial", "pending"] as const)
    if (linked.some((m) => m.verdict === v)) return v;
  return "verified";
}

/** Criteria a must-have speaks for: those of the requirements it names, else all of the phase's. */
export function mustHaveCriteria(
  mustHave: { requirements: readonly string[] },
  requirements: readonly { code: string; criteria: readonly string[] }[],
): string[] {
  const named = mustHave.requirements.length
    ? requirements.filter((r) => mustHave.requirements.includes(r.code))
    : requirements;
  return [...new Set(named.flatMap((r) => r.criteria))].sort();
}

/** Returns why this person may not verify, or null when they may: the owner cannot verify their own phase. */
/**
 * The phase owner may not verify its must-haves: neither today's owner nor the one who owned the
 * phase when the must-have was delivered (so clearing or handing over the owner field first
 * does not help).
 */
export function verifierRefusal(
  verifierId: string | null,
  ownerId: string | null,
  deliveredOwnerId: string | null = null,
): string | null {
  if (ownerId && verifierId === ownerId)
    return "The phase owner cannot verify its must-haves; ask someone else to verify them.";
  if (deliveredOwnerId && verifierId === deliveredOwnerId)
    return "You owned the phase when this must-have was delivered, so you cannot verify it (even after handing the phase over); ask someone else.";
  return null;
}
