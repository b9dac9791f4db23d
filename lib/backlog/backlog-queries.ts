import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BacklogFilter } from "./schemas";
import {
  OPEN_STATUSES,
  PRIORITIES,
  SEVERITY,
  burndown,
  isOverdue,
  type BurndownPoint,
  type Priority,
} from "./workflow";

/** Rows shown at most; the filters narrow a larger backlog. */
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
      orderBy: [{ priority: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { key: "asc" }],
      take: BACKLOG_PAGE_LIMIT,
      select: {
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
      },
    }),
    prisma.backlogItem.count({ where: w }),
  ]);
  const rows = items.map((i) => ({
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
  }));
  return { rows, total };
}

export interface BacklogCharts {
  openByPriority: { priority: Priority; open: number }[];
  burndown: BurndownPoint[];
}

/** Open items per priority, and open vs closed per day over the last `days` days, replayed from recorded transitions. */
export async function backlogCharts(
  actor: Actor | null,
  days = 90,
  now = new Date(),
): Promise<BacklogCharts> {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const [grouped, transitions] = await Promise.all([
    prisma.backlogItem.groupBy({
      by: ["priority"],
      where: { status: { in: [...OPEN_STATUSES] } },
      _count: { _all: true },
    }),
    prisma.backlogTransition.findMany({
      where: { at: { lte: now } },
      orderBy: { at: "asc" },
      select: { itemId: true, at: true, to: true },
    }),
  ]);
  const openByPriority = PRIORITIES.map((priority) => ({
    priority,
    open: grouped.find((g) => g.priority === priority)?._count._all ?? 0,
  }));
  return {
    openByPriority,
    burndown: burndown(transitions, addDays(startOfUtcDay(now), -(days - 1)), now),
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
