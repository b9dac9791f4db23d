import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { accountId, type Actor } from "@/lib/auth/actor";
import { conflict, invalid, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { endOfIsoDay } from "@/lib/dates";
import type { OverrideInput } from "./schemas";

export async function createOverride(actor: Actor | null, input: OverrideInput): Promise<void> {
  authorize(actor, "status.override");
  const createdById = accountId(actor);
  const expiresAt = endOfIsoDay(input.until);
  if (!expiresAt) throw invalid("Choose the last day the override applies");
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
      data: { ...fields, expiresAt, createdById },
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
    if (n.count === 0) throw conflict("There is no active override to remove.");
    await recordActivity(tx, actor, {
      action: "status.override_revoke",
      entityType: targetType,
      entityId: targetId,
      summary: `Removed the status override of ${targetType} ${targetId}`,
    });
  });
}
