import "server-only";
// One page of the evidence library, filtered, sorted and counted in the database: with a year
// of nightly automated evidence the library holds thousands of items, and rendering all of them
// took over a second.
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { DAY_MS } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageWindow, type PageWindow, type SortState } from "@/lib/paging/page-window";
import { EVIDENCE_ROW_SELECT, toEvidenceRow, type EvidenceRow } from "./list-evidence";
import type { EvidenceListQuery, EvidenceSort } from "./schemas";

export interface EvidencePage {
  rows: EvidenceRow[];
  slice: PageWindow;
  sort: SortState<EvidenceSort>;
  /** Filter choices: the controls and criteria that some evidence is linked to. */
  controls: string[];
  criteria: string[];
  /** The library holds nothing at all (not just nothing matching the filters). */
  libraryEmpty: boolean;
}

export const EVIDENCE_DEFAULT_SORT: SortState<EvidenceSort> = { key: "date", dir: "desc" };

// The instant evidence stops counting, as resolveExpiry computes it (a renewal interval of 0
// means none), as a UTC timestamp so it compares with "now" like the code does.
const EXPIRES_AT = Prisma.sql`((COALESCE(e.expires_on, e.evidence_date + NULLIF(e.renewal_days, 0)))::timestamp AT TIME ZONE 'UTC')`;

function conditions(q: EvidenceListQuery, now: Date): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  const state = Prisma.sql`(CASE WHEN ${EXPIRES_AT} <= ${now} THEN 'expired' ELSE e.review_state::text END)`;
  if (q.kind) and.push(Prisma.sql`e.kind::text = ${q.kind}`);
  if (q.state) and.push(Prisma.sql`${state} = ${q.state}`);
  if (q.control)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM evidence_controls ec JOIN controls c ON c.id = ec.control_id
      WHERE ec.evidence_id = e.id AND c.ref = ${q.control})`);
  if (q.criterion)
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM evidence_controls ec
      JOIN control_criteria cc ON cc.control_id = ec.control_id
      WHERE ec.evidence_id = e.id AND cc.criterion_id = ${q.criterion})`);
  // The days to expiry are rounded up (as shown): "expired" is below 0 days, "within N days"
  // is 0 to N days.
  if (q.expiry === "expired")
    and.push(Prisma.sql`${EXPIRES_AT} <= ${new Date(now.getTime() - DAY_MS)}`);
  else if (q.expiry)
    and.push(
      Prisma.sql`${EXPIRES_AT} > ${new Date(now.getTime() - DAY_MS)} AND ${EXPIRES_AT} <= ${new Date(now.getTime() + Number(q.expiry) * DAY_MS)}`,
    );
  if (q.q) {
    // Substring search over what the table shows: title, kind, linked controls and criteria.
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    and.push(Prisma.sql`(e.title ILIKE ${like} OR e.kind::text ILIKE ${like}
      OR EXISTS (SELECT 1 FROM evidence_controls ec JOIN controls c ON c.id = ec.control_id
        LEFT JOIN control_criteria cc ON cc.control_id = c.id
        WHERE ec.evidence_id = e.id AND (c.ref ILIKE ${like} OR cc.criterion_id ILIKE ${like})))`);
  }
  return and.length ? Prisma.sql`WHERE ${Prisma.join(and, " AND ")}` : Prisma.empty;
}

function orderBy(sort: SortState<EvidenceSort>, now: Date): Prisma.Sql {
  const dir = sort.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const key = {
    title: Prisma.sql`lower(e.title) ${dir}`,
    kind: Prisma.sql`e.kind::text ${dir}`,
    state: Prisma.sql`(CASE WHEN ${EXPIRES_AT} <= ${now} THEN 'expired' ELSE e.review_state::text END) ${dir}`,
    date: Prisma.sql`e.evidence_date ${dir}`,
    // Evidence that never expires comes last either way.
    expiry: Prisma.sql`${EXPIRES_AT} ${dir} NULLS LAST`,
  }[sort.key];
  // Ties in a stable order, so a row never shows on two pages.
  return Prisma.sql`ORDER BY ${key}, e.evidence_date DESC, e.created_at DESC, e.id`;
}

export async function evidencePage(
  actor: Actor | null,
  q: EvidenceListQuery,
  now = new Date(),
): Promise<EvidencePage> {
  authorize(actor, "evidence.read");
  const prisma = await db();
  const sort: SortState<EvidenceSort> = q.sort
    ? { key: q.sort, dir: q.dir ?? (q.sort === "date" ? "desc" : "asc") }
    : EVIDENCE_DEFAULT_SORT;
  const where = conditions(q, now);
  const [[count], controls, criteria, any] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM evidence e ${where}`,
    prisma.$queryRaw<{ ref: string }[]>`SELECT DISTINCT c.ref FROM evidence_controls ec
      JOIN controls c ON c.id = ec.control_id ORDER BY c.ref`,
    prisma.$queryRaw<{ id: string }[]>`SELECT DISTINCT cc.criterion_id AS id
      FROM (SELECT DISTINCT control_id FROM evidence_controls) ec
      JOIN control_criteria cc ON cc.control_id = ec.control_id ORDER BY 1`,
    prisma.evidence.findFirst({ select: { id: true } }),
  ]);
  const slice = pageWindow(count?.n ?? 0, q.page);
  const ids = await prisma.$queryRaw<{ id: string }[]>`SELECT e.id FROM evidence e ${where}
    ${orderBy(sort, now)} LIMIT ${PAGE_SIZE} OFFSET ${slice.offset}`;
  const found = await prisma.evidence.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: EVIDENCE_ROW_SELECT,
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap(({ id }) => {
    const r = byId.get(id);
    return r ? [toEvidenceRow(r, now)] : [];
  });
  return {
    rows,
    slice,
    sort,
    controls: controls.map((c) => c.ref),
    criteria: criteria.map((c) => c.id),
    libraryEmpty: any === null,
  };
}
