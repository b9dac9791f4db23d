import "server-only";
// The verification checklist of a backlog item: tick, add, remove. A verified item's checklist
// is settled; reopening the item clears its checks (workflow in backlog-writes.ts).
import { authorize } from "@/lib/auth/authorize";
import { accountId, type Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";

/** A checklist item whose item is not verified (a verified item's checklist is settled). */
async function changeableCheck(tx: Tx, checkId: string) {
  const check = await tx.backlogCheck.findUnique({
    where: { id: checkId },
    select: {
      itemId: true,
      text: true,
      checkedById: true,
      item: { select: { key: true, status: true } },
    },
  });
  if (!check) throw notFound("That checklist item no longer exists.");
  if (check.item.status === "verified")
    throw conflict(`${check.item.key} is verified; reopen it to change its checklist.`);
  return check;
}

export async function setBacklogCheck(
  actor: Actor | null,
  checkId: string,
  checked: boolean,
): Promise<void> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const check = await changeableCheck(tx, checkId);
    if ((check.checkedById !== null) === checked) return;
    await tx.backlogCheck.update({
      where: { id: checkId },
      data: checked
        ? { checkedById: accountId(actor), checkedAt: new Date() }
        : { checkedById: null, checkedAt: null },
    });
    await recordActivity(tx, actor, {
      action: checked ? "backlog.check" : "backlog.uncheck",
      entityType: "backlog_item",
      entityId: check.itemId,
      summary: `${check.item.key}: ${checked ? "checked" : "unchecked"} "${check.text}"`,
    });
  });
}

export async function addBacklogCheck(
  actor: Actor | null,
  itemId: string,
  text: string,
): Promise<void> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const item = await tx.backlogItem.findUnique({
      where: { id: itemId },
      select: { key: true, status: true },
    });
    if (!item) throw notFound("That backlog item no longer exists.");
    if (item.status === "verified")
      throw conflict(`${item.key} is verified; reopen it to change its checklist.`);
    const last = await tx.backlogCheck.aggregate({ where: { itemId }, _max: { position: true } });
    await tx.backlogCheck.create({
      data: { itemId, text, position: (last._max.position ?? 0) + 1 },
    });
    await recordActivity(tx, actor, {
      action: "backlog.check.add",
      entityType: "backlog_item",
      entityId: itemId,
      summary: `${item.key}: added verification check "${text}"`,
    });
  });
}

export async function removeBacklogCheck(actor: Actor | null, checkId: string): Promise<void> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const check = await changeableCheck(tx, checkId);
    if (check.checkedById) throw conflict("A checked item cannot be removed; uncheck it first.");
    await tx.backlogCheck.delete({ where: { id: checkId } });
    await recordActivity(tx, actor, {
      action: "backlog.check.remove",
      entityType: "backlog_item",
      entityId: check.itemId,
      summary: `${check.item.key}: removed verification check "${check.text}"`,
    });
  });
}
