import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { accountId, type Actor } from "@/lib/auth/actor";
import { AppError, conflict, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";
import { assertCriteriaExist } from "@/lib/criteria/assert-criteria";
import { closureStep, needsSecondPerson } from "./critical-closure";
import type { BacklogInput } from "./schemas";
import {
  STATUS_LABEL,
  isOpen,
  transitionRefusal,
  type BacklogOrigin,
  type BacklogStatus,
} from "./workflow";

export interface Origin {
  origin: BacklogOrigin;
  originNote?: string;
  mustHaveId?: string | null;
}

const KEY_LOCK = 7270002;

async function nextKey(tx: Tx): Promise<string> {
  // Two items created at once must not both take the next number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${KEY_LOCK}::bigint)`;
  const rows = await tx.$queryRaw<
    { n: string | null }[]
  >`SELECT max(substring(key from 4)::numeric)::text AS n FROM "backlog_items" WHERE key ~ '^BL-[0-9]+$'`;
  return `BL-${(BigInt(rows[0]?.n ?? "0") + BigInt(1)).toString()}`;
}

async function assertLinks(tx: Tx, input: Pick<BacklogInput, "controls" | "criteria">) {
  await assertCriteriaExist(tx, input.criteria);
  if (
    input.controls.length &&
    (await tx.control.count({ where: { id: { in: input.controls } } })) !== input.controls.length
  )
    throw notFound("One of the chosen controls no longer exists.");
}

const riskJson = (r: BacklogInput["riskBefore"]) => r ?? undefined;

/** Inserts an item with its links, checklist and first transition; shared by the form, the demo and must-have gaps. */
export async function insertBacklogItem(
  tx: Tx,
  actor: ActivityActor,
  input: BacklogInput,
  origin: Origin,
  at = new Date(),
): Promise<{ id: string; key: string }> {
  await assertLinks(tx, input);
  const key = input.key ?? (await nextKey(tx));
  if (await tx.backlogItem.findUnique({ where: { key }, select: { id: true } }))
    throw conflict(`${key} already exists; choose another key or leave it empty to generate one.`);
  const item = await tx.backlogItem.create({
    data: {
      key,
      title: input.title,
      description: input.description,
      priority: input.priority,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      riskBefore: riskJson(input.riskBefore),
      riskAfter: riskJson(input.riskAfter),
      origin: origin.origin,
      originNote: origin.originNote ?? "",
      mustHaveId: origin.mustHaveId ?? null,
      createdAt: at,
      controls: { create: input.controls.map((controlId) => ({ controlId })) },
      criteria: { create: input.criteria.map((criterionId) => ({ criterionId })) },
      checks: { create: input.checklist.map((text, i) => ({ text, position: i + 1 })) },
      transitions: { create: { to: "open", actorId: actor.id, at } },
    },
  });
  await recordActivity(tx, actor, {
    action: "backlog.create",
    entityType: "backlog_item",
    entityId: item.id,
    summary: `Created ${key} (${input.priority}) "${input.title}"${origin.origin !== "manual" ? ` from ${origin.origin.replace("_", " ")}` : ""}`,
    after: { ...input, key, ...origin },
  });
  return { id: item.id, key };
}

export async function createBacklogItem(actor: Actor | null, input: BacklogInput): Promise<string> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => (await insertBacklogItem(tx, actor, input, { origin: "manual" })).key,
  );
}

export async function updateBacklogItem(
  actor: Actor | null,
  id: string,
  input: BacklogInput,
): Promise<string> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.backlogItem.findUnique({
      where: { id },
      include: { controls: true, criteria: true },
    });
    if (!before) throw notFound("That backlog item no longer exists.");
    await assertLinks(tx, input);
    const key = input.key ?? before.key;
    if (
      key !== before.key &&
      (await tx.backlogItem.findUnique({ where: { key }, select: { id: true } }))
    )
      throw conflict(`${key} already exists.`);
    await tx.backlogItem.update({
      where: { id },
      data: {
        key,
        title: input.title,
        description: input.description,
        priority: input.priority,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        riskBefore: input.riskBefore ?? Prisma.DbNull,
        riskAfter: input.riskAfter ?? Prisma.DbNull,
      },
    });
    await tx.backlogControl.deleteMany({ where: { itemId: id } });
    await tx.backlogControl.createMany({
      data: input.controls.map((controlId) => ({ itemId: id, controlId })),
    });
    await tx.backlogCriterion.deleteMany({ where: { itemId: id } });
    await tx.backlogCriterion.createMany({
      data: input.criteria.map((criterionId) => ({ itemId: id, criterionId })),
    });
    const fields = { ...input, checklist: undefined };
    await recordActivity(tx, actor, {
      action: "backlog.update",
      entityType: "backlog_item",
      entityId: id,
      summary: `Edited ${key} "${input.title}"`,
      before: {
        key: before.key,
        title: before.title,
        priority: before.priority,
        ownerId: before.ownerId,
        dueDate: before.dueDate,
        controls: before.controls.map((c) => c.controlId),
        criteria: before.criteria.map((c) => c.criterionId),
        riskBefore: before.riskBefore,
        riskAfter: before.riskAfter,
      },
      after: { ...fields, key },
    });
    return key;
  });
}

/** Moves an item through the workflow (rules in workflow.ts) and records the change for the burndown. */
export async function transitionBacklogItem(
  actor: Actor | null,
  input: { itemId: string; to: BacklogStatus; justification: string },
  at = new Date(),
): Promise<string> {
  authorize(actor, "backlog.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "backlog_items" WHERE id = ${input.itemId}::uuid FOR UPDATE`;
    const item = await tx.backlogItem.findUnique({
      where: { id: input.itemId },
      select: {
        key: true,
        status: true,
        peakPriority: true,
        resolvedById: true,
        resolvedAt: true,
        origin: true,
        closureProposal: true,
        closureProposedById: true,
        closureJustification: true,
        checks: { select: { checkedById: true } },
      },
    });
    if (!item) throw notFound("That backlog item no longer exists.");
    const refusal = transitionRefusal(item.status, input.to, {
      actorId: actor.id,
      resolvedById: item.resolvedById,
      resolvedByCollector:
        item.origin === "collector" && item.resolvedById === null && item.resolvedAt !== null,
      // Confirming a raised closure may rely on the justification it was raised with.
      justification:
        input.justification ||
        (item.closureProposal === input.to ? (item.closureJustification ?? "") : ""),
      checks: item.checks,
    });
    if (refusal) throw new AppError(refusal.code, refusal.message);
    let justification = input.justification;
    if (needsSecondPerson(item.peakPriority, input.to)) {
      const step = closureStep(
        input.to,
        { id: actor.id, isAdmin: actor.kind === "user" && actor.role === "admin" },
        item.closureProposal && item.closureProposedById
          ? { to: item.closureProposal, byId: item.closureProposedById }
          : null,
      );
      if (step.kind === "refuse") throw new AppError(step.code, step.message);
      if (step.kind === "propose")
        return proposeClosure(tx, actor, { id: input.itemId, key: item.key }, input, at);
      // The confirming administrator may add to the raised justification, not replace it.
      justification = [item.closureJustification, input.justification]
        .filter((j, i, all) => j && all.indexOf(j) === i)
        .join(" — Confirmed: ");
    }
    const reopening =
      (item.status === "resolved" || item.status === "verified") && isOpen(input.to);
    await tx.backlogItem.update({
      where: { id: input.itemId },
      data: {
        status: input.to,
        justification:
          input.to === "risk_accepted" || input.to === "false_positive" ? justification : null,
        // Any move settles (or drops) a raised closure.
        closureProposal: null,
        closureProposedById: null,
        closureProposedAt: null,
        closureJustification: null,
        // Who resolved and who verified must be accounts: the two may not be the same person.
        ...(input.to === "resolved" ? { resolvedById: accountId(actor), resolvedAt: at } : {}),
        ...(input.to === "verified" ? { verifiedById: accountId(actor), verifiedAt: at } : {}),
        ...(reopening
          ? { resolvedById: null, resolvedAt: null, verifiedById: null, verifiedAt: null }
          : {}),
      },
    });
    // A reopened item has to be checked again after the next fix.
    if (reopening)
      await tx.backlogCheck.updateMany({
        where: { itemId: input.itemId },
        data: { checkedById: null, checkedAt: null },
      });
    await tx.backlogTransition.create({
      data: {
        itemId: input.itemId,
        from: item.status,
        to: input.to,
        actorId: actor.id,
        at,
        note: justification,
      },
    });
    await recordActivity(tx, actor, {
      action: "backlog.status",
      entityType: "backlog_item",
      entityId: input.itemId,
      summary: `${item.key}: ${STATUS_LABEL[item.status]} → ${STATUS_LABEL[input.to]}${justification ? ` (${justification})` : ""}`,
      before: { status: item.status },
      after: { status: input.to, justification: justification || null },
    });
    return `${item.key} is now ${STATUS_LABEL[input.to].toLowerCase()}.`;
  });
}

/** Raises a P0/P1 closure (critical-closure.ts): the status stays until an administrator confirms. */
async function proposeClosure(
  tx: Tx,
  actor: Actor,
  item: { id: string; key: string },
  input: { to: BacklogStatus; justification: string },
  at: Date,
): Promise<string> {
  const proposer = accountId(actor);
  await tx.backlogItem.update({
    where: { id: item.id },
    data: {
      closureProposal: input.to,
      closureProposedById: proposer,
      closureProposedAt: at,
      closureJustification: input.justification,
    },
  });
  const label = STATUS_LABEL[input.to].toLowerCase();
  await recordActivity(tx, actor, {
    action: "backlog.close_proposed",
    entityType: "backlog_item",
    entityId: item.id,
    summary: `${item.key}: raised closing as ${label} (${input.justification}); waits for another administrator`,
    after: { closureProposal: input.to, justification: input.justification },
  });
  return `Closing ${item.key} as ${label} is raised; an administrator other than you must confirm it.`;
}
