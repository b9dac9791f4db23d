// Findings pushed by scanners and other collectors (POST /api/v1/findings): each becomes a
// backlog item of origin "collector". Pushing the same finding again (same key, or the same
// title while an earlier item is still open) answers with the existing item instead of a copy.
import { notFound } from "@/lib/errors";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/activity/record";
import { insertBacklogItem } from "./backlog-writes";
import { OPEN_STATUSES, PRIORITIES } from "./workflow";
import { CRITERION_ID } from "@/lib/validation/fields";

export const findingBodySchema = z.object({
  key: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9]*-\d+$/, "key looks like BL-131 or SCAN-42")
    .optional(),
  title: z.string().trim().min(1, "title is required").max(300),
  description: z.string().trim().max(20_000).default(""),
  priority: z.enum(PRIORITIES, { message: "priority is one of P0, P1, P2, P3" }),
  controls: z.array(z.string().trim().min(1)).max(200).default([]),
  criteria: z
    .array(z.string().regex(CRITERION_ID, "criteria are ids like CC6.1"))
    .max(61)
    .default([]),
  checklist: z.array(z.string().trim().min(1).max(1000)).max(100).default([]),
  dueDate: z.iso.date("dueDate is YYYY-MM-DD").optional(),
  source: z.string().trim().max(200).default(""),
});
export type FindingBody = z.output<typeof findingBodySchema>;

export interface PushedFinding {
  created: boolean;
  key: string;
}

export async function pushFinding(
  prisma: PrismaClient,
  actor: Actor,
  body: FindingBody,
): Promise<PushedFinding> {
  return prisma.$transaction(async (tx) => {
    const existing = body.key
      ? await tx.backlogItem.findUnique({ where: { key: body.key }, select: { key: true } })
      : await tx.backlogItem.findFirst({
          where: { origin: "collector", title: body.title, status: { in: [...OPEN_STATUSES] } },
          select: { key: true },
        });
    if (existing) return { created: false, key: existing.key };
    const refs = [...new Set(body.controls.map((r) => r.toUpperCase()))];
    const controls = await tx.control.findMany({
      where: { ref: { in: refs }, archivedAt: null },
      select: { id: true, ref: true },
    });
    const unknown = refs.filter((r) => !controls.some((c) => c.ref === r));
    if (unknown.length)
      throw notFound(`Unknown or archived control ref(s): ${unknown.join(", ")}.`);
    const { key } = await insertBacklogItem(
      tx,
      actor,
      {
        key: body.key ?? null,
        title: body.title,
        description: body.description,
        priority: body.priority,
        ownerId: null,
        dueDate: body.dueDate ? new Date(`${body.dueDate}T00:00:00Z`) : null,
        controls: controls.map((c) => c.id),
        criteria: [...new Set(body.criteria)],
        checklist: body.checklist,
        riskBefore: null,
        riskAfter: null,
      },
      {
        origin: "collector",
        originNote: body.source
          ? `Pushed by ${body.source} (${actor.email})`
          : `Pushed by ${actor.email}`,
      },
    );
    return { created: true, key };
  });
}
