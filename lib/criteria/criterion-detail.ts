import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays, isoDay } from "@/lib/dates";

interface EvidenceRow {
  id: string;
  title: string;
  kind: string;
  reviewState: string;
  evidenceDate: Date;
}

/** Evidence items a criterion's page lists (the newest); the library lists them all. */
export const CRITERION_EVIDENCE_SHOWN = 20;

/**
 * Mapped controls, the newest evidence behind them (with the total), and up to a year of daily
 * status snapshots. A criterion mapped to controls fed by nightly runs has hundreds of evidence
 * items: they are counted and cut by the database, not loaded per control.
 */
export async function getCriterionDetail(actor: Actor | null, id: string) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const since = addDays(new Date(), -365);
  const [criterion, history, newest] = await Promise.all([
    prisma.criterion.findUnique({
      where: { id },
      include: {
        controls: {
          where: { control: { archivedAt: null } },
          select: { control: { select: { id: true, ref: true, title: true } } },
        },
      },
    }),
    prisma.statusSnapshot.findMany({
      where: { criterionId: id, day: { gte: since } },
      orderBy: { day: "asc" },
      select: { day: true, status: true },
    }),
    // count(*) OVER () is taken before the LIMIT: the total of the criterion's evidence.
    prisma.$queryRaw<(EvidenceRow & { total: bigint | number })[]>`
      SELECT e.id::text AS id, e.title, e.kind::text AS kind, e.review_state::text AS "reviewState",
             e.evidence_date AS "evidenceDate", count(*) OVER () AS total
      FROM evidence e
      WHERE EXISTS (SELECT 1 FROM evidence_controls ec
        JOIN control_criteria cc ON cc.control_id = ec.control_id
        JOIN controls c ON c.id = ec.control_id
        WHERE ec.evidence_id = e.id AND cc.criterion_id = ${id} AND c.archived_at IS NULL)
      ORDER BY e.evidence_date DESC, e.created_at DESC, e.id
      LIMIT ${CRITERION_EVIDENCE_SHOWN}`,
  ]);
  if (!criterion) return null;
  const controls = criterion.controls
    .map((c) => c.control)
    .sort((a, b) => a.ref.localeCompare(b.ref));
  return {
    criterion,
    controls,
    evidence: newest.map(({ total: _total, ...e }): EvidenceRow => e),
    evidenceCount: Number(newest[0]?.total ?? 0),
    history: history.map((h) => ({ day: isoDay(h.day), status: h.status })),
  };
}
