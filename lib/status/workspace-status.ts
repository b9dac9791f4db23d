import "server-only";
import { cache } from "react";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { evaluateInputs, type WorkspaceStatus } from "./compute";
import type { InputCache } from "./input-cache";
import {
  auditDigest,
  loadStatusInputs,
  PARTS,
  partVersions,
  type Part,
  type PartVersions,
} from "./status-inputs";
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

/** The last status computed, and what it was computed from. */
interface Computed {
  versions: PartVersions;
  /** What status made of the audit part (auditDigest), and when a silence would next begin. */
  audit: string;
  silentFrom: number | null;
  status: WorkspaceStatus;
}

interface DatabaseMemo extends StatusMemo {
  inputs: InputCache;
  last: Computed | null;
}

// One per database per process, shared by every bundle of the server that imports this module.
// Per database because a version number says nothing across databases: another one opened in
// the same process (a test file, a restored copy) may be at the same number with other data.
const globalMemo = globalThis as typeof globalThis & {
  trustboardStatusMemos?: WeakMap<Tx, DatabaseMemo>;
};
const memos = (globalMemo.trustboardStatusMemos ??= new WeakMap());

/**
 * The last status still holds when only audit events moved and what status makes of them is the
 * same: most events are of an action no control expects, or of a day that already had one. Its
 * time window holds too when no expected type would fall silent sooner than before (more events
 * only push that later; deleted ones could bring it nearer).
 */
function stillHolds(
  last: Computed | null,
  next: Omit<Computed, "status">,
  now: Date,
): last is Computed {
  if (!last) return false;
  const [v, w] = [last.versions, next.versions];
  const [was, is] = [last.silentFrom, next.silentFrom];
  return (
    (Object.keys(PARTS) as Part[]).every((p) => p === "audit" || v[p] === w[p]) &&
    last.audit === next.audit &&
    (was === null ? is === null : is !== null && is >= was) &&
    last.status.ctx.now.getTime() <= now.getTime() &&
    now.getTime() < last.status.validUntil.getTime()
  );
}

async function statusAt(now: Date): Promise<WorkspaceStatus> {
  const prisma = await db();
  let memo = memos.get(prisma);
  if (!memo) memos.set(prisma, (memo = { entry: null, inputs: new Map(), last: null }));
  const m = memo;
  const versions = await partVersions(prisma);
  // Each part's version only grows, so their sum moves whenever any of them does.
  const version = Object.values(versions).reduce((sum, v) => sum + v, 0n);
  return memoised(m, version, now, async () => {
    const inputs = await loadStatusInputs(prisma, now, undefined, { cache: m.inputs, versions });
    const next = {
      versions,
      audit: auditDigest(inputs),
      silentFrom: inputs.audit.changesAt?.getTime() ?? null,
    };
    const last = m.last;
    if (stillHolds(last, next, now)) {
      m.last = { ...last, versions };
      return last.status;
    }
    const status = evaluateInputs(inputs, now);
    // Today's snapshot follows each computation; a memoised status is already recorded.
    await recordSnapshots(prisma, status);
    m.last = { ...next, status };
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
