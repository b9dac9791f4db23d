// The unarchived controls with what status and coverage read of them: fields, mapped criteria and
// linked evidence. A raw query instead of one nested findMany: Prisma 7 builds nested relations
// in JavaScript, and for a thousand linked evidence items that took 30 ms of CPU per status
// computation against 6 ms for flat rows (and less again as JSON, below).
import type { Tx } from "@/lib/db/tx";
import { DAY_MS } from "@/lib/dates";
import { resolveExpiry } from "./expiry";
import { reuseRows } from "./reuse-unchanged";
import type { EvidenceInput } from "./types";
import type {
  ControlFrequency,
  ImplementationStatus,
  ReviewState,
} from "@/lib/generated/prisma/enums";

/** An evidence item as the query returns it: dates as days since 1970-01-01 (JSON has none). */
type EvidenceTuple = [
  id: string,
  title: string,
  reviewState: ReviewState,
  evidenceDate: number,
  periodStart: number | null,
  periodEnd: number | null,
  expiresOn: number | null,
  renewalDays: number | null,
  notCurrentReason: string | null,
];

/**
 * A control as the query returns it: [id, title, implementation, n/a justification, frequency,
 * created at in epoch ms, criteria, evidence], as JSON text (parsed only when it changed).
 */
type ControlTuple = [
  id: string,
  title: string,
  implementation: ImplementationStatus,
  naJustification: string | null,
  frequency: ControlFrequency | null,
  createdAt: number,
  criteria: string[],
  evidence: EvidenceTuple[],
];

function queryControls(prisma: Tx): Promise<{ key: string; source: string }[]> {
  // One row per control, its criteria and evidence as JSON arrays: JSON.parse reads them
  // natively, where a thousand evidence rows of ten values were mapped by Prisma value by value
  // and their four dates parsed from text. As text, so a control that reads as it did last time
  // is not parsed again (reuse-unchanged.ts).
  return prisma.$queryRaw<{ key: string; source: string }[]>`
    SELECT c.id::text AS key, json_build_array(
             c.id::text, c.title, c.implementation::text, c.na_justification, c.frequency::text,
             floor(extract(epoch FROM c.created_at) * 1000),
             coalesce((SELECT json_agg(cc.criterion_id ORDER BY cc.criterion_id)
                       FROM "control_criteria" cc WHERE cc.control_id = c.id), '[]'),
             coalesce(ev.evidence, '[]'))::text AS source
    FROM "controls" c
    -- Every link aggregated in one pass: as a subquery per control, PostgreSQL hash-joined each
    -- control's links against all of the evidence table (a year: 120 × 4,650 rows, 86 ms).
    LEFT JOIN (SELECT ec.control_id,
                      json_agg(json_build_array(
                        e.id::text, e.title, e.review_state::text,
                        e.evidence_date - date '1970-01-01',
                        e.period_start - date '1970-01-01', e.period_end - date '1970-01-01',
                        e.expires_on - date '1970-01-01', e.renewal_days,
                        e.not_current_reason)
                      ORDER BY e.evidence_date, e.id) AS evidence
               FROM "evidence_controls" ec JOIN "evidence" e ON e.id = ec.evidence_id
               GROUP BY ec.control_id) ev ON ev.control_id = c.id
    WHERE c.archived_at IS NULL ORDER BY c.ref`;
}

/** A control as the status computation reads it: its evidence already as the engine's input. */
export interface StatusControl {
  id: string;
  title: string;
  implementation: ImplementationStatus;
  naJustification: string | null;
  frequency: ControlFrequency | null;
  createdAt: Date;
  criteria: string[];
  evidence: EvidenceInput[];
}

/**
 * The controls for the status computation: each evidence tuple straight to the engine's input
 * (no row object between them, for thousands of items). `at` makes the Dates: the computation's
 * sharedDates, so the evidence dates of every control (a few hundred days) are one Date each.
 * `previous` is the last load: a control whose row reads the same is that same object (so its
 * coverage is kept too, compute.ts).
 */
export async function loadControlsForStatus(
  prisma: Tx,
  at: (ms: number) => Date,
  previous?: Promise<StatusControl[]>,
): Promise<StatusControl[]> {
  const byId = previous?.then((controls) => new Map(controls.map((c) => [c.id, c])));
  const rows = await reuseRows(queryControls(prisma), byId, (source) =>
    statusControl(JSON.parse(source), at),
  );
  return rows.map(([, control]) => control);
}

function statusControl(
  [
    id,
    title,
    implementation,
    naJustification,
    frequency,
    createdAt,
    criteria,
    evidence,
  ]: ControlTuple,
  at: (ms: number) => Date,
): StatusControl {
  const day = (d: number | null) => (d === null ? null : at(d * DAY_MS));
  return {
    id,
    title,
    implementation,
    naJustification,
    frequency,
    createdAt: new Date(createdAt),
    criteria,
    evidence: evidence.map(
      ([id, title, state, date, from, to, expiresOn, renewalDays, notCurrentReason]) => {
        const evidenceDate = at(date * DAY_MS);
        return {
          id,
          title,
          state,
          evidenceDate,
          periodStart: day(from),
          periodEnd: day(to),
          expiresAt: resolveExpiry({ evidenceDate, expiresOn: day(expiresOn), renewalDays }, at),
          notCurrentReason,
        };
      },
    ),
  };
}
