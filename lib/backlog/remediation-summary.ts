import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { startOfUtcDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { OPEN_STATUSES } from "./workflow";

/** What the overview shows of unfinished remediation: open P0/P1 items, overdue items, resolved items awaiting verification, phases with gaps. */
export async function remediationSummary(actor: Actor | null, now = new Date()) {
  authorize(actor, "workspace.read");
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
