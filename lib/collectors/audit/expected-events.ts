import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { UserError, WRITERS, assertRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/types";

export const expectedEventSchema = z.object({
  controlId: z.uuid(),
  action: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the event type")
    .max(100)
    .regex(/^[a-z0-9_.:-]+$/, "Letters, digits, _ . : - only"),
  maxSilenceDays: z.coerce
    .number()
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days"),
});

export async function addExpectedEvent(
  actor: SessionUser | null,
  input: z.output<typeof expectedEventSchema>,
) {
  assertRole(actor, WRITERS, "declare expected events");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const control = await tx.control.findUnique({
      where: { id: input.controlId },
      select: { ref: true },
    });
    if (!control) throw new UserError("That control no longer exists.");
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

export async function removeExpectedEvent(actor: SessionUser | null, id: string) {
  assertRole(actor, WRITERS, "declare expected events");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const e = await tx.expectedEvent.findUnique({
      where: { id },
      include: { control: { select: { ref: true } } },
    });
    if (!e) throw new UserError("That expectation no longer exists.");
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

export async function listExpectedEvents(actor: SessionUser | null, controlId: string) {
  assertRole(actor, ["admin", "engineer", "auditor"], "read controls");
  return (await db()).expectedEvent.findMany({ where: { controlId }, orderBy: { action: "asc" } });
}

export const actionMappingSchema = z.object({
  action: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the event type")
    .max(100)
    .regex(/^[a-z0-9_.:-]+$/, "Letters, digits, _ . : - only"),
  criteria: z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,]+/)
          .map((c) => c.trim().toUpperCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z.string().regex(/^(CC|A|C|PI|P)\d\.\d$/, "Criteria like CC6.1, separated by commas"),
        )
        .max(61),
    ),
});

/** Admins edit which criteria an event type evidences; an empty list removes the type. */
export async function setActionMapping(
  actor: SessionUser | null,
  input: z.output<typeof actionMappingSchema>,
) {
  assertRole(actor, ["admin"], "edit the event-type mapping");
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
