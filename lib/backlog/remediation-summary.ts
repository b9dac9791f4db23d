import "server-only";
import { db } from "@/lib/db";
import { READERS, assertRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/types";
import { OPEN_STATUSES, startOfUtcDay } from "./workflow";

/** What the overview shows of unfinished remediation: open P0/P1 items, overdue items, resolved items awaiting verification, phases with gaps. */
export async function remediationSummary(actor: SessionUser | null, now = new Date()) {
  assertRole(actor, READERS, "view the backlog");
  const prisma = await db();
  const today = startOfUtcDay(now);
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [p0, p1, overdue, awaitingVerification, phasesWithGaps] = await Promise.all([
    prisma.backlogItem.count({ where: { ...open, priority: "P0" } }),
    prisma.backlogItem.count({ where: { ...open, priority: "P1" } }),
    prisma.backlogItem.count({ where: { ...open, dueDate: { lt: today } } }),
    prisma.backlogItem.count({ where: { status: "resolved" } }),
    prisma.phase.findMany({
      where: { mustHaves: { some: { verdict: { in: ["partial", "failed"] } } } },
      orderBy: { number: "asc" },
      select: { number: true, title: true },
    }),
  ]);
  return { p0, p1, overdue, awaitingVerification, phasesWithGaps };
}
