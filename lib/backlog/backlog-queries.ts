import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageWindow, type PageWindow, type SortState } from "@/lib/paging/page-window";
import { cachedPiece, type InputCache } from "@/lib/status/input-cache";
import { partVersions } from "@/lib/status/status-inputs";
import type { BacklogFilter, BacklogListQuery, BacklogSort } from "./schemas";
import {
  OPEN_STATUSES,
  PRIORITIES,
  SEVERITY,
  burndownFromDeltas,
  isOverdue,
  type BurndownPoint,
  type DailyDelta,
  type Priority,
} from "./workflow";

/** Rows the CSV export holds at most; the filters narrow a larger backlog. */
export const BACKLOG_PAGE_LIMIT = 2000;

function where(f: BacklogFilter, now: Date): Prisma.BacklogItemWhereInput {
  const and: Prisma.BacklogItemWhereInput[] = [];
  if (f.priority) and.push({ priority: f.priority });
  if (f.status === "active") and.push({ status: { in: [...OPEN_STATUSES] } });
  else if (f.status === "closed") and.push({ status: { notIn: [...OPEN_STATUSES] } });
  else if (f.status) and.push({ status: f.status });
  if (f.owner) and.push({ ownerId: f.owner });
  if (f.criterion)
    and.push({
      OR: [
        { criteria: { some: { criterionId: f.criterion } } },
        { controls: { some: { control: { criteria: { some: { criterionId: f.criterion } } } } } },
      ],
    });
  if (f.overdue)
    and.push({ status: { in: [...OPEN_STATUSES] }, dueDate: { lt: startOfUtcDay(now) } });
  if (f.q)
    and.push({
      OR: [
        { key: { contains: f.q, mode: "insensitive" } },
        { title: { contains: f.q, mode: "insensitive" } },
      ],
    });
  return { AND: and };
}

export interface BacklogRow {
  id: string;
  key: string;
  title: string;
  priority: Priority;
  severity: string;
  status: string;
  ownerName: string | null;
  dueDate: string | null;
  overdue: boolean;
  criteria: string[];
  controls: string[];
  checks: string;
  origin: string;
}

const ROW_SELECT = {
  id: true,
  key: true,
  title: true,
  priority: true,
  status: true,
  dueDate: true,
  origin: true,
  owner: { select: { name: true } },
  criteria: { select: { criterionId: true } },
  controls: {
    select: {
      control: { select: { ref: true, criteria: { select: { criterionId: true } } } },
    },
  },
  checks: { select: { checkedAt: true } },
} satisfies Prisma.BacklogItemSelect;

function toRow(
  i: Prisma.BacklogItemGetPayload<{ select: typeof ROW_SELECT }>,
  now: Date,
): BacklogRow {
  return {
    id: i.id,
    key: i.key,
    title: i.title,
    priority: i.priority,
    severity: SEVERITY[i.priority],
    status: i.status,
    ownerName: i.owner?.name ?? null,
    dueDate: i.dueDate ? isoDay(i.dueDate) : null,
    overdue: isOverdue(i, now),
    criteria: [
      ...new Set([
        ...i.criteria.map((c) => c.criterionId),
        ...i.controls.flatMap((c) => c.control.criteria.map((x) => x.criterionId)),
      ]),
    ].sort(),
    controls: i.controls.map((c) => c.control.ref).sort(),
    checks: `${i.checks.filter((c) => c.checkedAt).length}/${i.checks.length}`,
    origin: i.origin,
  };
}

const DEFAULT_ORDER: Prisma.BacklogItemOrderByWithRelationInput[] = [
  { priority: "asc" },
  { dueDate: { sort: "asc", nulls: "last" } },
  { key: "asc" },
];

/** The filtered backlog in priority order (the CSV export), at most BACKLOG_PAGE_LIMIT rows. */
export async function listBacklog(
  actor: Actor | null,
  f: BacklogFilter,
  now = new Date(),
): Promise<{ rows: BacklogRow[]; total: number }> {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const w = where(f, now);
  const [items, total] = await Promise.all([
    prisma.backlogItem.findMany({
      where: w,
      orderBy: DEFAULT_ORDER,
      take: BACKLOG_PAGE_LIMIT,
      select: ROW_SELECT,
    }),
    prisma.backlogItem.count({ where: w }),
  ]);
  return { rows: items.map((i) => toRow(i, now)), total };
}

export const BACKLOG_DEFAULT_SORT: SortState<BacklogSort> = { key: "priority", dir: "asc" };

function orderFor(sort: SortState<BacklogSort>): Prisma.BacklogItemOrderByWithRelationInput[] {
  const dir = sort.dir;
  const first: Prisma.BacklogItemOrderByWithRelationInput = {
    key: { key: dir },
    title: { title: dir },
    priority: { priority: dir },
    status: { status: dir },
    owner: { owner: { name: dir } },
    due: { dueDate: { sort: dir, nulls: "last" as const } },
  }[sort.key];
  // Then the default order and the unique key, so a row never shows on two pages.
  return [first, ...DEFAULT_ORDER];
}

/** One page of the filtered backlog (the page): 5,000 items rendered at once took most of a second. */
export async function backlogPage(
  actor: Actor | null,
  q: BacklogListQuery,
  now = new Date(),
): Promise<{ rows: BacklogRow[]; slice: PageWindow; sort: SortState<BacklogSort> }> {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const w = where(q, now);
  const sort: SortState<BacklogSort> = q.sort
    ? { key: q.sort, dir: q.dir ?? "asc" }
    : BACKLOG_DEFAULT_SORT;
  const slice = pageWindow(await prisma.backlogItem.count({ where: w }), q.page);
  const items = await prisma.backlogItem.findMany({
    where: w,
    orderBy: orderFor(sort),
    skip: slice.offset,
    take: PAGE_SIZE,
    select: ROW_SELECT,
  });
  return { rows: items.map((i) => toRow(i, now)), slice, sort };
}

export interface BacklogCharts {
  openByPriority: { priority: Priority; open: number }[];
  burndown: BurndownPoint[];
}

/** Open items per priority, and open vs closed per day over the last `days` days, replayed from recorded transitions. */
export async function backlogCharts(
  actor: Actor | null,
  days = 90,
  now?: Date,
): Promise<BacklogCharts> {
  authorize(actor, "workspace.read");
  const prisma = await db();
  // A clock given (tests): computed as of then, transitions after it left out.
  if (now) return computeCharts(prisma, days, now, now);
  // Now: kept until the backlog's data version moves or the day turns. The version is read
  // before the charts, so what they hold is at least as new as the version they are kept under.
  const at = new Date();
  const version = (await partVersions(prisma)).backlog;
  let memo = chartMemos.get(prisma);
  if (!memo) chartMemos.set(prisma, (memo = new Map()));
  return cachedPiece(memo, "charts", `${version}|${isoDay(at)}|${days}`, () =>
    computeCharts(prisma, days, at, null),
  );
}

// One per database per process, shared by every bundle of the server (as status's memo).
const globalCharts = globalThis as typeof globalThis & {
  trustboardBacklogCharts?: WeakMap<object, InputCache>;
};
const chartMemos = (globalCharts.trustboardBacklogCharts ??= new WeakMap());

/**
 * The charts up to `until` (null: every transition recorded, as the page wants them; a
 * transition stamped by the database a moment after this server's clock still counts).
 */
async function computeCharts(
  prisma: Awaited<ReturnType<typeof db>>,
  days: number,
  now: Date,
  until: Date | null,
): Promise<BacklogCharts> {
  const [grouped, deltas] = await Promise.all([
    prisma.backlogItem.groupBy({
      by: ["priority"],
      where: { status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    }),
    // Per day, how the counts changed (dailyDeltas in SQL): a year of transitions stays in the
    // database, a few hundred rows come back.
    prisma.$queryRaw<DailyDelta[]>`
      SELECT (extract(epoch FROM date_trunc('day', "at" AT TIME ZONE 'UTC')) * 1000)::float8 AS "day",
             (sum("to_open") - sum("before_open"))::int AS "open",
             (sum(1 - "to_open") - sum("counted" - "before_open"))::int AS "closed"
      FROM (SELECT "at", ("to"::text = ANY(${[...OPEN_STATUSES]}::text[]))::int AS "to_open",
                   coalesce((lag("to"::text) OVER w = ANY(${[...OPEN_STATUSES]}::text[]))::int, 0) AS "before_open",
                   (lag("to") OVER w IS NOT NULL)::int AS "counted"
            FROM "backlog_transitions" WHERE ${until}::timestamptz IS NULL OR "at" <= ${until}
            WINDOW w AS (PARTITION BY "item_id" ORDER BY "at", "id")) t
      GROUP BY 1`,
  ]);
  const openByPriority = PRIORITIES.map((priority) => ({
    priority,
    open: grouped.find((g) => g.priority === priority)?._count._all ?? 0,
  }));
  return {
    openByPriority,
    burndown: burndownFromDeltas(deltas, addDays(startOfUtcDay(now), -(days - 1)), now),
  };
}

export async function getBacklogItem(actor: Actor | null, key: string, now = new Date()) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const item = await prisma.backlogItem.findUnique({
    where: { key },
    include: {
      owner: { select: { name: true } },
      resolvedBy: { select: { name: true } },
      verifiedBy: { select: { name: true } },
      closureProposedBy: { select: { name: true } },
      controls: { select: { control: { select: { id: true, ref: true, title: true } } } },
      criteria: { select: { criterionId: true } },
      checks: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          text: true,
          checkedAt: true,
          checkedById: true,
          checkedBy: { select: { name: true } },
        },
      },
      transitions: {
        orderBy: { at: "asc" },
        select: {
          id: true,
          at: true,
          from: true,
          to: true,
          note: true,
          actor: { select: { name: true } },
        },
      },
      mustHave: {
        select: { truth: true, verdict: true, phase: { select: { number: true, title: true } } },
      },
    },
  });
  if (!item) return null;
  const history = await prisma.activity.findMany({
    where: { entityType: "backlog_item", entityId: item.id },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, actorEmail: true, summary: true },
  });
  return { ...item, overdue: isOverdue(item, now), history };
}
