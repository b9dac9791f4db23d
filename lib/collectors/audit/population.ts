import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { SessionUser } from "@/lib/auth/types";
import type { ParsedEvent } from "./parse";

export const sampleSchema = z.object({
  criterion: z.string().regex(/^(CC|A|C|PI|P)\d\.\d$/, "Choose a criterion"),
  action: z.string().trim().min(1, "Choose an event type").max(100),
  from: z.iso.date("Choose the first day"),
  to: z.iso.date("Choose the last day"),
  n: z.coerce.number().int().min(1).max(500).default(25),
  seed: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || Math.random().toString(36).slice(2, 10)),
});
export type SampleRequest = z.output<typeof sampleSchema>;

export type SampledEvent = Omit<ParsedEvent, "metadata" | "dedupeKey"> & { id: string };

/** Event types mapped to a criterion, for the population picker. */
export async function actionsForCriterion(
  actor: Actor | null,
  criterion: string,
): Promise<string[]> {
  authorize(actor, "audit.read");
  const rows = await (
    await db()
  ).auditActionMapping.findMany({
    where: { criteria: { has: criterion } },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}

/**
 * The population (every event of a type in a period) and a reproducible random sample of it:
 * events ordered by md5(seed ‖ id), so the same seed always draws the same events.
 */
export async function drawSample(actor: Actor | null, req: SampleRequest) {
  authorize(actor, "audit.read");
  const prisma = await db();
  const from = new Date(`${req.from}T00:00:00Z`);
  const to = new Date(new Date(`${req.to}T00:00:00Z`).getTime() + 86_400_000);
  const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "audit_events" WHERE "action" = ${req.action} AND "occurred_at" >= ${from} AND "occurred_at" < ${to}`;
  const sample = await prisma.$queryRaw<SampledEvent[]>`
    SELECT id::text, "occurred_at" AS "occurredAt", "action", "actor", "organisation", "ip", "outcome", "target"
    FROM "audit_events" WHERE "action" = ${req.action} AND "occurred_at" >= ${from} AND "occurred_at" < ${to}
    ORDER BY md5(${req.seed} || id::text) LIMIT ${req.n}`;
  await prisma.$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "audit_events.sample",
      entityType: "criterion",
      entityId: req.criterion,
      summary: `${actor.email} drew ${sample.length} of ${count} \`${req.action}\` events (${req.from} – ${req.to}) for ${req.criterion} with seed ${req.seed}`,
    }),
  );
  return { population: count, sample, seed: req.seed };
}
