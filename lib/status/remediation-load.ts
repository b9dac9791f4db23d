import type { Tx } from "@/lib/db/tx";
import {
  backlogSignal,
  phaseSignals,
  type BacklogSignalInput,
  type PhaseSignalInput,
} from "./remediation-signals";
import type { Signal } from "./types";

export interface RemediationSignals {
  controls: Map<string, Signal[]>;
  /** Criterion id → signals linked to the criterion itself, without those already reaching it through a linked control. */
  criteria: Map<string, Signal[]>;
}

const push = (m: Map<string, Signal[]>, key: string, s: Signal) => {
  const list = m.get(key);
  if (list) list.push(s);
  else m.set(key, [s]);
};

type LinkedItem = BacklogSignalInput & {
  control_ids: string[];
  control_criteria: string[];
  criteria: string[];
};

/** The open P0/P1 items with their links, and the phases with a failed or partial must-have. */
export interface RemediationRows {
  items: LinkedItem[];
  phases: PhaseSignalInput[];
}

/**
 * What remediation signals are made of. Independent of `now` (an item's due date is judged
 * against it in remediationSignalsAt), so it can be kept until its data moves (status-inputs.ts).
 */
export async function loadRemediation(prisma: Tx): Promise<RemediationRows> {
  const [items, phases] = await Promise.all([
    // Flat rows with the linked ids as arrays: Prisma 7 builds nested relations in JavaScript,
    // which for the year's open P0/P1 items cost more CPU than the rest of status together.
    // JSON arrays, which JSON.parse reads natively; the driver parses PostgreSQL's text arrays
    // character by character in JavaScript.
    prisma.$queryRaw<LinkedItem[]>`
      SELECT b.id::text, b.key, b.title, b.priority::text AS priority, b.status::text AS status,
             b.due_date AS "dueDate", coalesce(l.control_ids, '[]') AS control_ids,
             coalesce(l.control_criteria, '[]') AS control_criteria,
             coalesce(d.criteria, '[]') AS criteria
      FROM "backlog_items" b
      -- Links grouped once per item (subqueries per item cost three plans per row).
      LEFT JOIN (
        SELECT bc.item_id, json_agg(DISTINCT bc.control_id::text) AS control_ids,
               json_agg(DISTINCT cc.criterion_id) FILTER (WHERE cc.criterion_id IS NOT NULL)
                 AS control_criteria
        FROM "backlog_controls" bc
        JOIN "controls" c ON c.id = bc.control_id AND c.archived_at IS NULL
        LEFT JOIN "control_criteria" cc ON cc.control_id = c.id
        GROUP BY bc.item_id
      ) l ON l.item_id = b.id
      LEFT JOIN (
        SELECT item_id, json_agg(criterion_id) AS criteria FROM "backlog_criteria" GROUP BY item_id
      ) d ON d.item_id = b.id
      WHERE b.priority IN ('P0', 'P1')
        AND b.status IN ('open', 'in_progress', 'awaiting_deployment', 'resolved')
        -- An item linked to nothing (unarchived) holds nothing back: not loaded (a year of
        -- backlog has hundreds, each a row to parse and a signal text to build and drop).
        AND (l.item_id IS NOT NULL OR d.item_id IS NOT NULL)
      ORDER BY b.priority, b.key`,
    // The phases with a failed or partial must-have, their requirements and must-haves as JSON.
    prisma.$queryRaw<PhaseSignalInput[]>`
      SELECT p.id::text, p.number, p.title,
             coalesce((SELECT json_agg(json_build_object('code', r.code, 'criteria', r.criteria)
                                       ORDER BY r.code)
                       FROM "phase_requirements" r WHERE r.phase_id = p.id), '[]') AS requirements,
             (SELECT json_agg(json_build_object('truth', m.truth, 'verdict', m.verdict,
                                                'reason', m.reason, 'requirements', m.requirements)
                              ORDER BY m.position)
              FROM "must_haves" m WHERE m.phase_id = p.id) AS "mustHaves"
      FROM "phases" p
      WHERE EXISTS (SELECT 1 FROM "must_haves" m
                    WHERE m.phase_id = p.id AND m.verdict IN ('partial', 'failed'))
      ORDER BY p.number`,
  ]);
  return { items, phases };
}

/** Backlog items and phase gaps that hold controls and criteria back (rules in remediation-signals.ts). */
export function remediationSignalsAt(
  { items, phases }: RemediationRows,
  now: Date,
): RemediationSignals {
  const out: RemediationSignals = { controls: new Map(), criteria: new Map() };
  for (const item of items) {
    const signal = backlogSignal(item, now);
    if (!signal) continue;
    for (const id of item.control_ids) push(out.controls, id, signal);
    const viaControls = new Set(item.control_criteria);
    for (const criterionId of item.criteria)
      if (!viaControls.has(criterionId)) push(out.criteria, criterionId, signal);
  }
  for (const phase of phases)
    for (const [criterionId, signals] of phaseSignals(phase))
      signals.forEach((s) => push(out.criteria, criterionId, s));
  return out;
}
