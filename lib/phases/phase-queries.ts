import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import {
  checklistScore,
  isGap,
  mustHaveScore,
  phaseStatus,
  type PhaseStatus,
  type Score,
} from "./phase-status";

export interface PhaseCard {
  id: string;
  number: number;
  title: string;
  goal: string;
  status: PhaseStatus;
  ownerName: string | null;
  deliverables: Score;
  mustHaves: Score;
  gaps: string[];
  criteria: string[];
}

export async function listPhases(actor: Actor | null): Promise<PhaseCard[]> {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const phases = await prisma.phase.findMany({
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      goal: true,
      progress: true,
      owner: { select: { name: true } },
      items: { where: { kind: "deliverable" }, select: { doneAt: true } },
      mustHaves: { orderBy: { position: "asc" }, select: { truth: true, verdict: true } },
      requirements: { select: { criteria: true } },
    },
  });
  return phases.map((p) => ({
    id: p.id,
    number: p.number,
    title: p.title,
    goal: p.goal,
    status: phaseStatus(
      p.progress,
      p.mustHaves.map((m) => m.verdict),
    ),
    ownerName: p.owner?.name ?? null,
    deliverables: checklistScore(p.items.map((i) => ({ done: i.doneAt !== null }))),
    mustHaves: mustHaveScore(p.mustHaves),
    gaps: p.mustHaves.filter((m) => isGap(m.verdict)).map((m) => m.truth),
    criteria: [...new Set(p.requirements.flatMap((r) => r.criteria))].sort(),
  }));
}

export async function getPhase(actor: Actor | null, number: number) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const phase = await prisma.phase.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      title: true,
      goal: true,
      progress: true,
      ownerId: true,
      owner: { select: { name: true } },
      nextSteps: true,
      notes: true,
      updatedAt: true,
      requirements: {
        orderBy: { code: "asc" },
        select: { code: true, description: true, note: true, criteria: true },
      },
      items: {
        orderBy: [{ kind: "asc" }, { position: "asc" }],
        select: {
          id: true,
          kind: true,
          text: true,
          detail: true,
          doneAt: true,
          doneBy: { select: { name: true } },
          evidence: { select: { id: true, title: true } },
          files: { orderBy: { path: "asc" }, select: { path: true, change: true, note: true } },
        },
      },
      mustHaves: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          truth: true,
          verdict: true,
          reason: true,
          observation: true,
          missing: true,
          requirements: true,
          verifiedAt: true,
          verifiedBy: { select: { name: true } },
          evidence: { select: { id: true, title: true } },
          artifacts: { orderBy: { path: "asc" }, select: { path: true, note: true } },
          backlogItems: { select: { key: true, status: true } },
        },
      },
    },
  });
  if (!phase) return null;
  return {
    ...phase,
    status: phaseStatus(
      phase.progress,
      phase.mustHaves.map((m) => m.verdict),
    ),
    score: mustHaveScore(phase.mustHaves),
  };
}
export type PhaseDetail = NonNullable<Awaited<ReturnType<typeof getPhase>>>;

export async function nextPhaseNumber(actor: Actor | null): Promise<number> {
  authorize(actor, "workspace.read");
  const last = await (await db()).phase.aggregate({ _max: { number: true } });
  return last._max.number === null ? 0 : last._max.number + 1;
}
