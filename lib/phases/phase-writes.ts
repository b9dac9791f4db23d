import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";
import { assertCriteriaExist } from "@/lib/criteria/assert-criteria";
import type { PhaseInput, PhaseItemInput } from "./schemas";

async function writeRequirements(tx: Tx, phaseId: string, input: PhaseInput) {
  await assertCriteriaExist(
    tx,
    input.requirements.flatMap((r) => r.criteria),
  );
  // A must-have naming a requirement keeps it: its verdict speaks for that requirement's criteria.
  const kept = new Set(input.requirements.map((r) => r.code));
  const named = await tx.mustHave.findMany({
    where: { phaseId },
    select: { position: true, requirements: true },
  });
  for (const m of named) {
    const gone = m.requirements.filter((code) => !kept.has(code));
    if (gone.length)
      throw conflict(
        `Must-have ${m.position} names ${gone.join(", ")}; keep ${gone.length > 1 ? "them" : "it"} among the requirements.`,
      );
  }
  await tx.phaseRequirement.deleteMany({
    where: { phaseId, code: { notIn: input.requirements.map((r) => r.code) } },
  });
  for (const r of input.requirements) {
    await tx.phaseRequirement.upsert({
      where: { phaseId_code: { phaseId, code: r.code } },
      create: { phaseId, ...r },
      update: { description: r.description, criteria: r.criteria },
    });
  }
}

export async function assertEvidenceExists(tx: Tx, id: string | null): Promise<void> {
  if (id && !(await tx.evidence.findUnique({ where: { id }, select: { id: true } })))
    throw notFound("The chosen evidence no longer exists.");
}

async function assertNumberFree(tx: Tx, number: number, except?: string) {
  const taken = await tx.phase.findUnique({ where: { number }, select: { id: true } });
  if (taken && taken.id !== except)
    throw conflict(`Phase ${number} already exists; choose another number.`);
}

export async function createPhase(actor: Actor | null, input: PhaseInput): Promise<number> {
  authorize(actor, "phases.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await assertNumberFree(tx, input.number);
    const { requirements, ...fields } = input;
    const phase = await tx.phase.create({ data: fields });
    await writeRequirements(tx, phase.id, input);
    await recordActivity(tx, actor, {
      action: "phase.create",
      entityType: "phase",
      entityId: phase.id,
      summary: `Created phase ${input.number} "${input.title}"`,
      after: { ...fields, requirements },
    });
    return input.number;
  });
}

export async function updatePhase(
  actor: Actor | null,
  id: string,
  input: PhaseInput,
): Promise<number> {
  authorize(actor, "phases.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.phase.findUnique({
      where: { id },
      include: { requirements: { select: { code: true, description: true, criteria: true } } },
    });
    if (!before) throw notFound("That phase no longer exists.");
    await assertNumberFree(tx, input.number, id);
    const { requirements, ...fields } = input;
    await tx.phase.update({ where: { id }, data: fields });
    // Must-haves delivered while nobody owned the phase belong to its first owner after.
    if (fields.ownerId && fields.ownerId !== before.ownerId)
      await tx.mustHave.updateMany({
        where: { phaseId: id, deliveredOwnerId: null },
        data: { deliveredOwnerId: fields.ownerId },
      });
    await writeRequirements(tx, id, input);
    await recordActivity(tx, actor, {
      action: "phase.update",
      entityType: "phase",
      entityId: id,
      summary: `Edited phase ${input.number} "${input.title}"`,
      before: {
        number: before.number,
        title: before.title,
        goal: before.goal,
        progress: before.progress,
        ownerId: before.ownerId,
        nextSteps: before.nextSteps,
        requirements: before.requirements,
      },
      after: { ...fields, requirements },
    });
    return input.number;
  });
}

export async function addPhaseItem(actor: Actor | null, input: PhaseItemInput): Promise<void> {
  authorize(actor, "phases.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const phase = await tx.phase.findUnique({
      where: { id: input.phaseId },
      select: { number: true },
    });
    if (!phase) throw notFound("That phase no longer exists.");
    await assertEvidenceExists(tx, input.evidenceId);
    const last = await tx.phaseItem.aggregate({
      where: { phaseId: input.phaseId, kind: input.kind },
      _max: { position: true },
    });
    const item = await tx.phaseItem.create({
      data: {
        phaseId: input.phaseId,
        kind: input.kind,
        text: input.text,
        detail: input.detail,
        evidenceId: input.evidenceId,
        position: (last._max.position ?? 0) + 1,
        files: { create: input.files },
      },
    });
    await recordActivity(tx, actor, {
      action: "phase.item.add",
      entityType: "phase",
      entityId: input.phaseId,
      summary: `Added ${input.kind} "${input.text}" to phase ${phase.number}`,
      after: { itemId: item.id, ...input },
    });
  });
}

export async function setPhaseItemDone(
  actor: Actor | null,
  itemId: string,
  done: boolean,
): Promise<void> {
  authorize(actor, "phases.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const item = await tx.phaseItem.findUnique({
      where: { id: itemId },
      select: { phaseId: true, text: true, doneAt: true, phase: { select: { number: true } } },
    });
    if (!item) throw notFound("That checklist item no longer exists.");
    if ((item.doneAt !== null) === done) return;
    await tx.phaseItem.update({
      where: { id: itemId },
      data: done ? { doneAt: new Date(), doneById: actor.id } : { doneAt: null, doneById: null },
    });
    await recordActivity(tx, actor, {
      action: done ? "phase.item.done" : "phase.item.undone",
      entityType: "phase",
      entityId: item.phaseId,
      summary: `${done ? "Ticked" : "Unticked"} "${item.text}" in phase ${item.phase.number}`,
      after: { itemId, done },
    });
  });
}

export async function setPhaseItemEvidence(
  actor: Actor | null,
  itemId: string,
  evidenceId: string | null,
): Promise<void> {
  authorize(actor, "phases.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const item = await tx.phaseItem.findUnique({
      where: { id: itemId },
      select: { phaseId: true, text: true, evidenceId: true, phase: { select: { number: true } } },
    });
    if (!item) throw notFound("That checklist item no longer exists.");
    await assertEvidenceExists(tx, evidenceId);
    await tx.phaseItem.update({ where: { id: itemId }, data: { evidenceId } });
    await recordActivity(tx, actor, {
      action: "phase.item.evidence",
      entityType: "phase",
      entityId: item.phaseId,
      summary: `${evidenceId ? "Linked evidence to" : "Unlinked evidence from"} "${item.text}" in phase ${item.phase.number}`,
      before: { evidenceId: item.evidenceId },
      after: { evidenceId },
    });
  });
}

export async function removePhaseItem(actor: Actor | null, itemId: string): Promise<void> {
  authorize(actor, "phases.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const item = await tx.phaseItem.findUnique({
      where: { id: itemId },
      include: { files: true, phase: { select: { number: true } } },
    });
    if (!item) throw notFound("That checklist item no longer exists.");
    await tx.phaseItem.delete({ where: { id: itemId } });
    await recordActivity(tx, actor, {
      action: "phase.item.remove",
      entityType: "phase",
      entityId: item.phaseId,
      summary: `Removed ${item.kind} "${item.text}" from phase ${item.phase.number}`,
      before: {
        kind: item.kind,
        text: item.text,
        detail: item.detail,
        done: item.doneAt !== null,
        files: item.files.map((f) => ({ path: f.path, change: f.change })),
        evidenceId: item.evidenceId,
      },
    });
  });
}
