import "server-only";
import { cache } from "react";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { evaluateWorkspace, type WorkspaceStatus } from "./compute";

/** Keeps today's row per criterion current, in one statement. */
async function recordSnapshots(prisma: Tx, status: WorkspaceStatus): Promise<void> {
  const ids = [...status.criteria.keys()];
  const values = ids.map((id) => status.criteria.get(id)!.status);
  const day = isoDay(status.ctx.now);
  await prisma.$executeRaw`
    INSERT INTO "status_snapshots" ("day", "criterion_id", "status")
    SELECT ${day}::date, u.id, u.status::"StatusValue" FROM unnest(${ids}::text[], ${values}::text[]) AS u(id, status)
    ON CONFLICT ("criterion_id", "day") DO UPDATE SET "status" = EXCLUDED."status"`;
}

const computeOnce = cache(async (): Promise<WorkspaceStatus> => {
  const prisma = await db();
  const status = await evaluateWorkspace(prisma, new Date());
  await recordSnapshots(prisma, status);
  return status;
});

/** Computed status of every control and criterion, once per request; refreshes today's snapshot. */
export async function workspaceStatus(actor: Actor | null): Promise<WorkspaceStatus> {
  authorize(actor, "workspace.read");
  return computeOnce();
}
