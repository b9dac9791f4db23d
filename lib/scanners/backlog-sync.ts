// Findings → backlog items of origin "collector", one per stable finding key: a new key
// creates an item, a key that reappears reopens its resolved or verified item, a key the scan
// no longer finds moves its open item to "resolved" (awaiting a person's verification).
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import { insertBacklogItem } from "@/lib/backlog/backlog-writes";
import { STATUS_LABEL, isOpen, type BacklogStatus } from "@/lib/backlog/workflow";
import type { Tx } from "@/lib/db/tx";
import { LEVEL_PRIORITY, type FindingLevel } from "./scan-diff";

export interface SyncFinding {
  key: string;
  check: string;
  level: FindingLevel;
  object: string;
  message: string;
  remediation?: string | null;
  criteria: string[];
  file?: string | null;
  line?: number | null;
}

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
  for (const f of findings) {
    const item = tracked.get(f.key);
    if (!item) {
      const made = await insertBacklogItem(
        tx,
        actor,
        {
          key: null,
          title: f.message.slice(0, 300),
          description: description(f, sourceLabel),
          priority: LEVEL_PRIORITY[f.level],
          ownerId: null,
          dueDate: null,
          controls: [],
          criteria: [...new Set(f.criteria)],
          checklist: [`A new scan no longer reports ${f.key}`.slice(0, 1000)],
          riskBefore: null,
          riskAfter: null,
        },
        { origin: "collector", originNote: `${f.key} (${sourceLabel})`.slice(0, 1000) },
        at,
      );
      await tx.scanFindingItem.create({ data: { key: f.key, itemId: made.id } });
      result.created.push(made.key);
    } else if (item.status === "resolved" || item.status === "verified") {
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
