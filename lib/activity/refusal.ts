import "server-only";
// A refused call changes nothing, but the refusal itself is evidence: who tried what, through
// which door. Recorded in a transaction of its own, since the caller's work never started.
// Callers without any identity (no session) are not recorded, and every kind of refusal is
// rate-limited per caller and door, so no one can fill the append-only log with them.
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { mayRecord } from "@/lib/auth/throttle";
import { recordActivity, type ActivityActor } from "./record";

export async function recordRefusal(
  actor: ActivityActor,
  err: AppError,
  via: string,
): Promise<void> {
  if (!mayRecord(`refuse:${actor.email}:${via}`)) return;
  try {
    const prisma = await db();
    await prisma.$transaction((tx) =>
      recordActivity(tx, actor, {
        action: "access.refuse",
        entityType: "capability",
        entityId: err.details.capability ?? null,
        summary: `Refused ${via}: ${err.message}`,
      }),
    );
  } catch (e) {
    console.error("[activity] could not record a refusal:", e instanceof Error ? e.message : e);
  }
}
