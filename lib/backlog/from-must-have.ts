import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { mustHaveCriteria } from "@/lib/phases/phase-status";
import { insertBacklogItem } from "./backlog-writes";
import { OPEN_STATUSES } from "./workflow";
import { cutText } from "@/lib/validation/storable";

/**
 * Turns a FAILED (P1) or PARTIAL (P2) must-have into a backlog item linked back to it: its
 * criteria come from the must-have's requirements, its checklist from what is missing.
 */
export async function backlogFromMustHave(
  actor: Actor | null,
  mustHaveId: string,
): Promise<string> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const m = await tx.mustHave.findUnique({
      where: { id: mustHaveId },
      select: {
        truth: true,
        verdict: true,
        reason: true,
        observation: true,
        missing: true,
        requirements: true,
        backlogItems: { where: { status: { in: [...OPEN_STATUSES] } }, select: { key: true } },
        phase: {
          select: {
            number: true,
            title: true,
            ownerId: true,
            requirements: { select: { code: true, criteria: true } },
          },
        },
      },
    });
    if (!m) throw notFound("That must-have no longer exists.");
    if (m.verdict !== "failed" && m.verdict !== "partial")
      throw conflict("Only a FAILED or PARTIAL must-have can become a backlog item.");
    if (m.backlogItems.length)
      throw conflict(
        `This gap is already tracked as ${m.backlogItems.map((b) => b.key).join(", ")}.`,
      );
    const description = [
      `Phase ${m.phase.number} "${m.phase.title}" — must-have ${m.verdict.toUpperCase()}: ${m.truth}`,
      m.reason && `Reason: ${m.reason}`,
      m.observation && `Observed: ${m.observation}`,
    ]
      .filter(Boolean)
      .join("\n\n");
    const { key } = await insertBacklogItem(
      tx,
      actor,
      {
        key: null,
        title: cutText(`Phase ${m.phase.number} gap: ${m.truth}`, 300),
        description,
        priority: m.verdict === "failed" ? "P1" : "P2",
        ownerId: m.phase.ownerId,
        dueDate: null,
        controls: [],
        criteria: mustHaveCriteria(m, m.phase.requirements),
        checklist: m.missing.length ? m.missing : [cutText(`Re-verify: ${m.truth}`, 1000)],
        riskBefore: null,
        riskAfter: null,
      },
      { origin: "phase_gap", originNote: `Phase ${m.phase.number} must-have`, mustHaveId },
    );
    return key;
  });
}
