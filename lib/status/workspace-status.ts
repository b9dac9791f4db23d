import "server-only";
import { cache } from "react";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { evaluateWorkspace, type WorkspaceStatus } from "./compute";
import { memoised, type StatusMemo } from "./status-memo";

/** Keeps today's row per criterion current, in one statement (rows already right are left alone). */
async function recordSnapshots(prisma: Tx, status: WorkspaceStatus): Promise<void> {
  const ids = [...status.criteria.keys()];
  const values = ids.map((id) => status.criteria.get(id)!.status);
  const day = isoDay(status.ctx.now);
  await prisma.$executeRaw`
    INSERT INTO "status_snapshots" ("day", "criterion_id", "status")
    SELECT ${day}::date, u.id, u.status::"StatusValue" FROM unnest(${ids}::text[], ${values}::text[]) AS u(id, status)
    ON CONFLICT ("criterion_id", "day") DO UPDATE SET "status" = EXCLUDED."status"
    WHERE "status_snapshots"."status" IS DISTINCT FROM EXCLUDED."status"`;
}

async function dataVersion(prisma: Tx): Promise<bigint> {
  const [row] = await prisma.$queryRaw<{ version: bigint }[]>`
    SELECT "version" FROM "status_data_version" WHERE "id" = 1`;
  if (!row) throw new Error("status_data_version has no row (migration status_data_version)");
  return row.version;
}

// One per database per process, shared by every bundle of the server that imports this module.
// Per database because a version number says nothing across databases: another one opened in
// the same process (a test file, a restored copy) may be at the same number with other data.
const globalMemo = globalThis as typeof globalThis & {
  trustboardStatusMemos?: WeakMap<Tx, StatusMemo>;
};
const memos = (globalMemo.trustboardStatusMemos ??= new WeakMap());

async function statusAt(now: Date): Promise<WorkspaceStatus> {
  const prisma = await db();
  let memo = memos.get(prisma);
  if (!memo) memos.set(prisma, (memo = { entry: null }));
  return memoised(memo, await dataVersion(prisma), now, async () => {
    const status = await evaluateWorkspace(prisma, now);
    // Today's snapshot follows each computation; a memoised status is already recorded.
    await recordSnapshots(prisma, status);
    return status;
  });
}

const statusOfRequest = cache(() => statusAt(new Date()));

/**
 * Computed status of every control and criterion, as of now (or `now`, for tests), memoised on
 * the data version and the result's time window (status-memo.ts); each computation refreshes
 * today's snapshot. The result is shared: callers must not change it.
 */
export async function workspaceStatus(actor: Actor | null, now?: Date): Promise<WorkspaceStatus> {
  authorize(actor, "workspace.read");
  return now ? statusAt(now) : statusOfRequest();
}
