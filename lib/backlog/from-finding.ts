import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { conflict, invalid, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { insertBacklogItem } from "./backlog-writes";
import { OPEN_STATUSES, type Priority } from "./workflow";
import { cutText } from "@/lib/validation/storable";

/**
 * Turns a collector finding on a control (failing mapped tests, a silent expected audit event)
 * into a backlog item of origin "collector". The finding must be one the status engine reports
 * for that control right now, so the origin cannot be claimed for text typed by hand.
 */
export async function backlogFromFinding(
  actor: Actor | null,
  input: { controlId: string; finding: string; priority: Priority },
): Promise<string> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  const status = await computeWorkspaceStatus(actor);
  const control = status.controls.get(input.controlId);
  if (!control) throw notFound("That control no longer exists or is archived.");
  if (!control.reasons.some((r) => r.source.type === "signal" && r.text === input.finding))
    throw invalid("That finding is no longer reported for this control; reload the page.");
  return prisma.$transaction(async (tx) => {
    const tracked = await tx.backlogItem.findFirst({
      where: {
        origin: "collector",
        originNote: input.finding,
        status: { in: [...OPEN_STATUSES] },
        controls: { some: { controlId: input.controlId } },
      },
      select: { key: true },
    });
    if (tracked) throw conflict(`This finding is already tracked as ${tracked.key}.`);
    const c = await tx.control.findUniqueOrThrow({
      where: { id: input.controlId },
      select: { ref: true, ownerId: true },
    });
    const { key } = await insertBacklogItem(
      tx,
      actor,
      {
        key: null,
        title: cutText(`${c.ref}: ${input.finding}`, 300),
        description: `Reported by Trustboard's collectors on control ${c.ref} "${control.title}": ${input.finding}`,
        priority: input.priority,
        ownerId: c.ownerId,
        dueDate: null,
        controls: [input.controlId],
        criteria: [],
        checklist: [cutText(`The finding is no longer reported: ${input.finding}`, 1000)],
        riskBefore: null,
        riskAfter: null,
      },
      { origin: "collector", originNote: input.finding },
    );
    return key;
  });
}

export async function listBacklogForControl(actor: Actor | null, controlId: string) {
  authorize(actor, "workspace.read");
  return (await db()).backlogItem.findMany({
    where: { controls: { some: { controlId } } },
    orderBy: [{ priority: "asc" }, { key: "asc" }],
    select: {
      key: true,
      title: true,
      priority: true,
      status: true,
      originNote: true,
      origin: true,
    },
  });
}
