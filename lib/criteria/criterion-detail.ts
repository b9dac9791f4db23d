import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays, isoDay } from "@/lib/dates";

/** Mapped controls, the evidence behind them, and up to a year of daily status snapshots. */
export async function getCriterionDetail(actor: Actor | null, id: string) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const since = addDays(new Date(), -365);
  const [criterion, history] = await Promise.all([
    prisma.criterion.findUnique({
      where: { id },
      include: {
        controls: {
          where: { control: { archivedAt: null } },
          select: {
            control: {
              select: {
                id: true,
                ref: true,
                title: true,
                evidence: {
                  select: {
                    evidence: {
                      select: {
                        id: true,
                        title: true,
                        kind: true,
                        reviewState: true,
                        evidenceDate: true,
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    }),
    prisma.statusSnapshot.findMany({
      where: { criterionId: id, day: { gte: since } },
      orderBy: { day: "asc" },
      select: { day: true, status: true },
    }),
  ]);
  if (!criterion) return null;
  const controls = criterion.controls
    .map((c) => c.control)
    .sort((a, b) => a.ref.localeCompare(b.ref));
  const evidence = new Map<
    string,
    { id: string; title: string; kind: string; reviewState: string; evidenceDate: Date }
  >();
  for (const c of controls) for (const { evidence: e } of c.evidence) evidence.set(e.id, e);
  return {
    criterion,
    controls,
    evidence: [...evidence.values()].sort(
      (a, b) => b.evidenceDate.getTime() - a.evidenceDate.getTime(),
    ),
    history: history.map((h) => ({ day: isoDay(h.day), status: h.status })),
  };
}
