// From a control's stored fields and the loaded records to the coverage computation's input,
// deriving the frequency when the control has none set. Pure.
import { daysBetween } from "@/lib/dates";
import { deriveFrequency, type Frequency } from "./frequency";
import type { CoverageRecords } from "./load-records";
import type { ControlCoverageInput, CoverageEvidence } from "./types";

export function coverageInput(
  control: { id: string; frequency: Frequency | null; createdAt: Date },
  evidence: CoverageEvidence[],
  records: CoverageRecords,
): ControlCoverageInput {
  const runDays = records.runDays.get(control.id) ?? [];
  const expected = records.expected.get(control.id) ?? [];
  const frequency =
    control.frequency ??
    deriveFrequency({
      hasTestRuns: runDays.length > 0,
      silenceDays: expected.map((e) => e.maxSilenceDays),
      renewalDays: evidence
        .filter((e) => (e.state === "accepted" || e.state === "expired") && e.expiresAt)
        .map((e) => daysBetween(e.evidenceDate, e.expiresAt!)),
    });
  return {
    id: control.id,
    frequency,
    derived: control.frequency === null,
    createdAt: control.createdAt,
    evidence,
    runDays,
    expected,
    items: records.items.get(control.id) ?? [],
  };
}
