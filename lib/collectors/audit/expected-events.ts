import "server-only";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ActionMappingInput, ExpectedEventInput } from "./schemas";

export async function addExpectedEvent(actor: Actor | null, input: ExpectedEventInput) {
  authorize(actor, "audit.expect");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const control = await tx.control.findUnique({
      where: { id: input.controlId },
      select: { ref: true },
    });
    if (!control) throw notFound("That control no longer exists.");
    await tx.expectedEvent.upsert({
      where: { controlId_action: { controlId: input.controlId, action: input.action } },
      create: input,
      update: { maxSilenceDays: input.maxSilenceDays },
    });
    await recordActivity(tx, actor, {
      action: "expected_event.set",
      entityType: "control",
      entityId: input.controlId,
      summary: `${control.ref} expects \`${input.action}\` events at least every ${input.maxSilenceDays} day(s)`,
      after: input,
    });
  });
}

export async function removeExpectedEvent(actor: Actor | null, id: string) {
  authorize(actor, "audit.expect");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const e = await tx.expectedEvent.findUnique({
      where: { id },
      include: { control: { select: { ref: true } } },
    });
    if (!e) throw notFound("That expectation no longer exists.");
    await tx.expectedEvent.delete({ where: { id } });
    await recordActivity(tx, actor, {
      action: "expected_event.remove",
      entityType: "control",
      entityId: e.controlId,
      summary: `${e.control.ref} no longer expects \`${e.action}\` events`,
      before: e,
    });
  });
}

export async function listExpectedEvents(actor: Actor | null, controlId: string) {
  authorize(actor, "workspace.read");
  return (await db()).expectedEvent.findMany({ where: { controlId }, orderBy: { action: "asc" } });
}

/** Admins edit which criteria an event type evidences; an empty list removes the type. */
export async function setActionMapping(actor: Actor | null, input: ActionMappingInput) {
  authorize(actor, "audit.configure");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await tx.auditActionMapping.findUnique({ where: { action: input.action } });
    if (input.criteria.length === 0) {
      if (before) await tx.auditActionMapping.delete({ where: { action: input.action } });
    } else {
      await tx.auditActionMapping.upsert({
        where: { action: input.action },
        create: input,
        update: { criteria: input.criteria },
      });
    }
    await recordActivity(tx, actor, {
      action: "audit_mapping.set",
      entityType: "audit_action_mapping",
      entityId: input.action,
      summary: input.criteria.length
        ? `\`${input.action}\` events evidence ${input.criteria.join(", ")}`
        : `\`${input.action}\` removed from the event-type mapping`,
      before: before ? { criteria: before.criteria } : null,
      after: { criteria: input.criteria },
    });
  });
}
