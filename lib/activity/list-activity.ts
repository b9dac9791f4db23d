import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyActivityChain } from "./verify";
import { recordActivity } from "./record";

export const PAGE_SIZE = 50;

export const activityFilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(320).optional().catch(undefined),
  entity: z.string().trim().max(100).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.string().regex(/^\d+$/).optional().catch(undefined),
});
export type ActivityFilter = z.infer<typeof activityFilterSchema>;

export interface ActivityRow {
  seq: string;
  at: Date;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export async function listActivity(actor: Actor | null, f: ActivityFilter) {
  authorize(actor, "activity.read");
  const where: Prisma.ActivityWhereInput = {
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.actor ? { actorEmail: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.entity ? { entityType: f.entity } : {}),
    ...(f.from || f.to
      ? {
          at: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
    ...(f.before ? { seq: { lt: BigInt(f.before) } } : {}),
  };
  const prisma = await db();
  const [rows, actions] = await Promise.all([
    prisma.activity.findMany({ where, orderBy: { seq: "desc" }, take: PAGE_SIZE + 1 }),
    prisma.activity.findMany({
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
  ]);
  const page: ActivityRow[] = rows
    .slice(0, PAGE_SIZE)
    .map((r) => ({ ...r, seq: r.seq.toString() }));
  return {
    rows: page,
    nextBefore: rows.length > PAGE_SIZE ? page[page.length - 1].seq : null,
    actions: actions.map((a) => a.action),
  };
}

export async function verifyChain(actor: Actor | null) {
  authorize(actor, "activity.read");
  const prisma = await db();
  const verdict = await verifyActivityChain(prisma);
  // The check itself becomes part of the record an auditor can point to.
  await prisma.$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "activity.verify",
      entityType: "activity",
      summary: verdict.ok
        ? `Chain verified: ${verdict.checked} entries intact`
        : `Chain broken at entry #${verdict.brokenAt}: ${verdict.reason}`,
    }),
  );
  return verdict.ok
    ? { ok: true as const, checked: verdict.checked, headHash: verdict.headHash }
    : {
        ok: false as const,
        checked: verdict.checked,
        brokenAt: verdict.brokenAt.toString(),
        reason: verdict.reason,
      };
}
