// The unarchived controls with what status and coverage read of them: fields, mapped criteria and
// linked evidence. Two raw queries instead of one nested findMany: Prisma 7 builds nested
// relations in JavaScript, and for a thousand linked evidence items that took 30 ms of CPU per
// status computation against 6 ms for flat rows.
import type { Tx } from "@/lib/db/tx";
import type {
  ControlFrequency,
  ImplementationStatus,
  ReviewState,
} from "@/lib/generated/prisma/enums";

export interface StatusEvidenceRow {
  id: string;
  title: string;
  reviewState: ReviewState;
  evidenceDate: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  expiresOn: Date | null;
  renewalDays: number | null;
  notCurrentReason: string | null;
}

export interface StatusControlRow {
  id: string;
  title: string;
  implementation: ImplementationStatus;
  naJustification: string | null;
  frequency: ControlFrequency | null;
  createdAt: Date;
  criteria: { criterionId: string }[];
  evidence: { evidence: StatusEvidenceRow }[];
}

export async function loadStatusControls(prisma: Tx): Promise<StatusControlRow[]> {
  const [controls, links] = await Promise.all([
    prisma.$queryRaw<
      {
        id: string;
        title: string;
        implementation: ImplementationStatus;
        na_justification: string | null;
        frequency: ControlFrequency | null;
        created_at: Date;
        criteria: string[];
      }[]
    >`
      SELECT c.id::text, c.title, c.implementation::text, c.na_justification,
             c.frequency::text, c.created_at,
             ARRAY(SELECT cc.criterion_id FROM "control_criteria" cc
                   WHERE cc.control_id = c.id ORDER BY cc.criterion_id) AS criteria
      FROM "controls" c WHERE c.archived_at IS NULL ORDER BY c.ref`,
    prisma.$queryRaw<
      {
        control_id: string;
        id: string;
        title: string;
        review_state: ReviewState;
        evidence_date: Date;
        period_start: Date | null;
        period_end: Date | null;
        expires_on: Date | null;
        renewal_days: number | null;
        not_current_reason: string | null;
      }[]
    >`
      SELECT ec.control_id::text, e.id::text, e.title, e.review_state::text, e.evidence_date,
             e.period_start, e.period_end, e.expires_on, e.renewal_days, e.not_current_reason
      FROM "evidence_controls" ec
      JOIN "evidence" e ON e.id = ec.evidence_id
      JOIN "controls" c ON c.id = ec.control_id
      WHERE c.archived_at IS NULL
      ORDER BY ec.control_id, e.evidence_date, e.id`,
  ]);
  const evidence = new Map<string, { evidence: StatusEvidenceRow }[]>();
  for (const l of links) {
    const row = {
      evidence: {
        id: l.id,
        title: l.title,
        reviewState: l.review_state,
        evidenceDate: l.evidence_date,
        periodStart: l.period_start,
        periodEnd: l.period_end,
        expiresOn: l.expires_on,
        renewalDays: l.renewal_days,
        notCurrentReason: l.not_current_reason,
      },
    };
    const list = evidence.get(l.control_id);
    if (list) list.push(row);
    else evidence.set(l.control_id, [row]);
  }
  return controls.map((c) => ({
    id: c.id,
    title: c.title,
    implementation: c.implementation,
    naJustification: c.na_justification,
    frequency: c.frequency,
    createdAt: c.created_at,
    criteria: c.criteria.map((criterionId) => ({ criterionId })),
    evidence: evidence.get(c.id) ?? [],
  }));
}
