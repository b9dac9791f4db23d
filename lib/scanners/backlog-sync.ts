// Findings → backlog items of origin "collector", one per stable finding key: a new key
// creates an item, a key that reappears reopens its resolved or verified item, a key the scan
// no longer finds moves its open item to "resolved" (awaiting a person's verification).
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import { randomUUID } from "node:crypto";
import { STATUS_LABEL, isOpen, type BacklogStatus } from "@/lib/backlog/workflow";
import type { Tx } from "@/lib/db/tx";
import { recordActivities } from "./bulk-activity";
import { LEVEL_PRIORITY } from "./scan-diff";
import type { ScanFindingInput } from "./record-scan";
import { cutText } from "@/lib/validation/storable";

/** A finding as recordScan takes it (record-scan.ts): one interface for both. */
export type SyncFinding = ScanFindingInput;

export interface BacklogSync {
  created: string[];
  reopened: string[];
  resolved: string[];
}

async function moveItem(
  tx: Tx,
  actor: ActivityActor,
  item: { id: string; key: string; status: BacklogStatus },
  to: "open" | "resolved",
  note: string,
  at: Date,
) {
  await tx.backlogItem.update({
    where: { id: item.id },
    data:
      to === "resolved"
        ? // No account resolved it: the scan did; a person verifies (workflow.ts).
          { status: to, resolvedById: null, resolvedAt: at }
        : {
            status: to,
            justification: null,
            resolvedById: null,
            resolvedAt: null,
            verifiedById: null,
            verifiedAt: null,
          },
  });
  if (to === "open")
    await tx.backlogCheck.updateMany({
      where: { itemId: item.id },
      data: { checkedById: null, checkedAt: null },
    });
  await tx.backlogTransition.create({
    data: { itemId: item.id, from: item.status, to, actorId: actor.id, at, note },
  });
  await recordActivity(tx, actor, {
    action: "backlog.status",
    entityType: "backlog_item",
    entityId: item.id,
    summary: `${item.key}: ${STATUS_LABEL[item.status]} → ${STATUS_LABEL[to]} (${note})`,
    before: { status: item.status },
    after: { status: to, note },
  });
}

function description(f: SyncFinding, sourceLabel: string): string {
  return [
    f.message,
    "",
    `Found by the ${sourceLabel} (finding ${f.key}, level ${f.level}).`,
    f.file ? `Location: ${f.file}${f.line ? `:${f.line}` : ""}` : null,
    f.remediation ? `\nRemediation:\n${f.remediation}` : null,
  ]
    .filter((l): l is string => l !== null)
    .join("\n")
    .slice(0, 10_000);
}

/** Same lock and numbering as backlog-writes.ts: two writers never take the same BL-n. */
const KEY_LOCK = 7270002;

/**
 * New items in bulk (a first scan of a large database has hundreds of findings): what
 * insertBacklogItem writes for one item — row, criteria, check, first transition, activity —
 * for all of them in a handful of statements.
 */
async function createItems(
  tx: Tx,
  actor: ActivityActor,
  fresh: readonly SyncFinding[],
  sourceLabel: string,
  at: Date,
): Promise<string[]> {
  if (fresh.length === 0) return [];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${KEY_LOCK}::bigint)`;
  const rows = await tx.$queryRaw<
    { n: string | null }[]
  >`SELECT max(substring(key from 4)::numeric)::text AS n FROM "backlog_items" WHERE key ~ '^BL-[0-9]+$'`;
  let next = BigInt(rows[0]?.n ?? "0");
  const items = fresh.map((f) => {
    next += BigInt(1);
    return {
      f,
      id: randomUUID(),
      key: `BL-${next.toString()}`,
      title: cutText(f.message, 300),
      priority: LEVEL_PRIORITY[f.level],
      criteria: [...new Set(f.criteria)],
      check: cutText(`A new scan no longer reports ${f.key}`, 1000),
      originNote: cutText(`${f.key} (${sourceLabel})`, 1000),
    };
  });
  await tx.backlogItem.createMany({
    data: items.map((i) => ({
      id: i.id,
      key: i.key,
      title: i.title,
      description: description(i.f, sourceLabel),
      priority: i.priority,
      origin: "collector" as const,
      originNote: i.originNote,
      createdAt: at,
    })),
  });
  await tx.backlogCriterion.createMany({
    data: items.flatMap((i) => i.criteria.map((criterionId) => ({ itemId: i.id, criterionId }))),
  });
  await tx.backlogCheck.createMany({
    data: items.map((i) => ({ itemId: i.id, position: 1, text: i.check })),
  });
  await tx.backlogTransition.createMany({
    data: items.map((i) => ({ itemId: i.id, to: "open" as const, actorId: actor.id, at })),
  });
  await tx.scanFindingItem.createMany({ data: items.map((i) => ({ key: i.f.key, itemId: i.id })) });
  await recordActivities(
    tx,
    actor,
    items.map((i) => ({
      action: "backlog.create",
      entityType: "backlog_item",
      entityId: i.id,
      summary: `Created ${i.key} (${i.priority}) "${i.title}" from collector`,
      after: {
        key: i.key,
        title: i.title,
        priority: i.priority,
        criteria: i.criteria,
        checklist: [i.check],
        origin: "collector",
        originNote: i.originNote,
        findingKey: i.f.key,
      },
    })),
  );
  return items.map((i) => i.key);
}

export async function syncBacklog(
  tx: Tx,
  actor: ActivityActor,
  findings: readonly SyncFinding[],
  fixedKeys: readonly string[],
  sourceLabel: string,
  at = new Date(),
): Promise<BacklogSync> {
  const result: BacklogSync = { created: [], reopened: [], resolved: [] };
  const keys = [...findings.map((f) => f.key), ...fixedKeys];
  const tracked = new Map(
    (
      await tx.scanFindingItem.findMany({
        where: { key: { in: keys } },
        select: { key: true, item: { select: { id: true, key: true, status: true } } },
      })
    ).map((t) => [t.key, t.item]),
  );
  const fresh = findings.filter((f) => !tracked.has(f.key));
  result.created = await createItems(tx, actor, fresh, sourceLabel, at);
  for (const f of findings) {
    const item = tracked.get(f.key);
    if (item && (item.status === "resolved" || item.status === "verified")) {
      await moveItem(tx, actor, item, "open", `the ${sourceLabel} found ${f.key} again`, at);
      result.reopened.push(item.key);
    }
  }
  for (const key of fixedKeys) {
    const item = tracked.get(key);
    if (!item || !isOpen(item.status)) continue;
    await moveItem(tx, actor, item, "resolved", `the ${sourceLabel} no longer finds ${key}`, at);
    result.resolved.push(item.key);
  }
  return result;
}
