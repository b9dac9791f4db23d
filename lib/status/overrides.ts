import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { notFound, invalid } from "@/lib/errors";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { SessionUser } from "@/lib/auth/types";

export const overrideSchema = z.object({
  targetType: z.enum(["control", "criterion"]),
  targetId: z.string().min(1).max(64),
  status: z.enum(["met", "at_risk", "gap", "not_started", "not_applicable"], {
    message: "Choose the status to show",
  }),
  justification: z
    .string()
    .trim()
    .min(20, "Write a justification of at least 20 characters")
    .max(4000),
  until: z.iso.date("Choose the last day the override applies"),
});

export async function createOverride(
  actor: Actor | null,
  input: z.output<typeof overrideSchema>,
): Promise<void> {
  authorize(actor, "status.override");
  const expiresAt = new Date(new Date(`${input.until}T00:00:00Z`).getTime() + 86_400_000);
  if (expiresAt <= new Date()) throw invalid("The override must last at least until today.");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const exists =
      input.targetType === "control"
        ? await tx.control.count({ where: { id: input.targetId } })
        : await tx.criterion.count({ where: { id: input.targetId } });
    if (!exists) throw notFound(`That ${input.targetType} does not exist.`);
    await tx.statusOverride.updateMany({
      where: { targetType: input.targetType, targetId: input.targetId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const { until: _until, ...fields } = input;
    const o = await tx.statusOverride.create({
      data: { ...fields, expiresAt, createdById: actor.id },
    });
    await recordActivity(tx, actor, {
      action: "status.override",
      entityType: input.targetType,
      entityId: input.targetId,
      summary: `Overrode status of ${input.targetType} ${input.targetId} to "${input.status}" until ${input.until}: ${input.justification}`,
      after: {
        overrideId: o.id,
        status: input.status,
        until: input.until,
        justification: input.justification,
      },
    });
  });
}

export async function revokeOverride(
  actor: Actor | null,
  targetType: "control" | "criterion",
  targetId: string,
): Promise<void> {
  authorize(actor, "status.override");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const n = await tx.statusOverride.updateMany({
      where: { targetType, targetId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (n.count === 0) throw invalid("There is no active override to remove.");
    await recordActivity(tx, actor, {
      action: "status.override_revoke",
      entityType: targetType,
      entityId: targetId,
      summary: `Removed the status override of ${targetType} ${targetId}`,
    });
  });
}
