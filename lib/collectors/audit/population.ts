import "server-only";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { endOfIsoDay, parseIsoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import type { SampleRequest } from "./schemas";
import { suggestedSampleSize, type Frequency } from "@/lib/coverage/frequency";
import { controlFrequency } from "./sample-frequency";
import type { EventFields } from "./parse";

interface SampledEvent extends EventFields {
  id: string;
  occurredAt: Date;
}

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
 * Summarises the block ranges of events stored since the last summary in the BRIN index the
 * population query uses: without a summary a range is read whatever the period. PostgreSQL's
 * autovacuum does this as ranges fill (autosummarize); PGlite has no autovacuum. Index upkeep,
 * not a change of data: a failure (a database user that does not own the index) only costs speed.
 */
async function summariseNewEvents(prisma: Awaited<ReturnType<typeof db>>): Promise<void> {
  await prisma.$queryRaw`SELECT brin_summarize_new_values('"audit_events_occurred_at_idx"'::regclass)::int AS n`.catch(
    () => undefined,
  );
}

/**
 * The population (every event of a type in a period) and a reproducible random sample of it:
 * events ordered by md5(seed ‖ id), so the same seed always draws the same events. For a control,
 * the size defaults to what its frequency suggests and the sample is spread across the period:
 * the period is cut into n equal strata and each gives its first event in seed order before any
 * gives a second.
 */
export async function drawSample(
  actor: Actor | null,
  req: Omit<SampleRequest, "n" | "control"> & { n?: number | null; control?: string | null },
) {
  authorize(actor, "audit.read");
  const prisma = await db();
  const from = parseIsoDay(req.from);
  const to = endOfIsoDay(req.to);
  if (!from) throw invalid("Choose the first day", "from");
  if (!to) throw invalid("Choose the last day", "to");
  await summariseNewEvents(prisma);
  // The population's SHA-256 (over its ordered ids) lets an auditor show later that a sample was
  // drawn from exactly this population; the audit package lists it with the seed.
  const [total] = await prisma.$queryRaw<{ count: number; hash: string }[]>`
    SELECT count(*)::int AS count,
           encode(sha256(convert_to(coalesce(string_agg(id::text, ',' ORDER BY id), ''), 'UTF8')), 'hex') AS hash
    FROM "audit_events" WHERE "action" = ${req.action} AND "occurred_at" >= ${from} AND "occurred_at" < ${to}`;
  const count = total?.count ?? 0;
  const control = req.control ? await controlFrequency(prisma, req.control) : null;
  const n = req.n ?? (control ? suggestedSampleSize(control.frequency, count) : 25);
  const sample = control
    ? await prisma.$queryRaw<SampledEvent[]>`
        SELECT id, "occurredAt", "action", "actor", "organisation", "ip", "outcome", "target" FROM (
          SELECT id::text, "occurred_at" AS "occurredAt", "action", "actor", "organisation", "ip", "outcome", "target",
                 row_number() OVER (
                   PARTITION BY width_bucket(extract(epoch FROM "occurred_at"), ${from.getTime() / 1000}::float8, ${to.getTime() / 1000}::float8, ${Math.max(n, 1)}::int)
                   ORDER BY md5(${req.seed} || id::text)) AS pick,
                 md5(${req.seed} || id::text) AS draw
          FROM "audit_events" WHERE "action" = ${req.action} AND "occurred_at" >= ${from} AND "occurred_at" < ${to}
        ) s ORDER BY pick, draw LIMIT ${n}`
    : await prisma.$queryRaw<SampledEvent[]>`
        SELECT id::text, "occurred_at" AS "occurredAt", "action", "actor", "organisation", "ip", "outcome", "target"
        FROM "audit_events" WHERE "action" = ${req.action} AND "occurred_at" >= ${from} AND "occurred_at" < ${to}
        ORDER BY md5(${req.seed} || id::text) LIMIT ${n}`;
  sample.sort((a, b) => (control ? a.occurredAt.getTime() - b.occurredAt.getTime() : 0));
  await prisma.$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "audit_events.sample",
      entityType: "criterion",
      entityId: req.criterion,
      summary: `${actor.email} drew ${sample.length} of ${count} \`${req.action}\` events (${req.from} – ${req.to}) for ${req.criterion}${control ? ` testing ${control.ref} (${control.frequency}, spread across the period)` : ""} with seed ${req.seed}`,
      after: {
        action: req.action,
        from: req.from,
        to: req.to,
        n,
        seed: req.seed,
        population: count,
        populationHash: total?.hash ?? null,
      },
    }),
  );
  const suggested: { n: number; frequency: Frequency } | null = control
    ? { n: suggestedSampleSize(control.frequency, count), frequency: control.frequency }
    : null;
  return { population: count, sample, seed: req.seed, n, suggested };
}
