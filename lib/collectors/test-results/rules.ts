import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { accountId, type Actor } from "@/lib/auth/actor";
import { notFound, conflict, invalid } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { globToRegExp } from "./mapping";
import { createAutomatedEvidence } from "./automated-evidence";
import { storedRunNotCurrentReason } from "./token-binding";

const COLUMN = { file: `"file"`, suite: `"suite"`, name: `"name"` } as const;

/**
 * Adds "tests whose <field> matches <pattern> prove <control>" and applies it to the stored
 * results that no tag or rule mapped yet, so the control's history reflects it at once.
 */
export async function createMappingRule(
  actor: Actor | null,
  input: { field: "file" | "suite" | "name"; pattern: string; controlId: string },
) {
  authorize(actor, "results.configure");
  const createdById = accountId(actor);
  const prisma = await db();
  const regex = globToRegExp(input.pattern).source;
  return prisma.$transaction(async (tx) => {
    const control = await tx.control.findUnique({
      where: { id: input.controlId },
      select: { ref: true, archivedAt: true, testFreshnessDays: true },
    });
    if (!control || control.archivedAt)
      throw invalid("Choose an existing, unarchived control.", "controlId");
    if (await tx.testMappingRule.findFirst({ where: input }))
      throw conflict("That rule already exists.");
    const rule = await tx.testMappingRule.create({ data: { ...input, createdById } });
    const extra = input.field === "suite" ? ` OR coalesce("classname", '') ~* $1` : "";
    const touched = await tx.$queryRawUnsafe<{ runId: string; cases: number }[]>(
      `WITH mapped AS (
         UPDATE "test_case_results" SET control_ids = array_append(control_ids, $2::uuid)
         WHERE cardinality(control_ids) = 0 AND (coalesce(${COLUMN[input.field]}, '') ~* $1${extra})
         RETURNING run_id)
       SELECT run_id::text AS "runId", count(*)::int AS cases FROM mapped GROUP BY run_id`,
      regex,
      input.controlId,
    );
    const updated = touched.reduce((n, r) => n + r.cases, 0);
    // Staleness is per control, as at ingest: a token's run that was already older than this
    // control's freshness window when it arrived (or not current at all) is left out for it.
    const runs = await tx.testRun.findMany({
      where: { id: { in: touched.map((r) => r.runId) }, tokenId: { not: null } },
      select: {
        id: true,
        tokenId: true,
        startedAt: true,
        ingestedAt: true,
        notCurrentReason: true,
      },
    });
    const stale = runs
      .filter((r) => storedRunNotCurrentReason(r, control.testFreshnessDays) !== null)
      .map((r) => r.id);
    if (stale.length > 0)
      await tx.$executeRaw`
        UPDATE "test_runs" SET "not_current_controls" = array_append(coalesce("not_current_controls", '{}'), ${input.controlId}::uuid)
        WHERE "id" = ANY(${stale}::uuid[]) AND NOT (${input.controlId}::uuid = ANY(coalesce("not_current_controls", '{}')))`;
    // The control's latest newly mapped run becomes its automated evidence, as if tagged on arrival.
    const latest = await tx.testRun.findFirst({
      where: { controls: { some: { controlId: input.controlId } } },
      orderBy: [{ startedAt: "desc" }, { ingestedAt: "desc" }],
    });
    if (latest && updated > 0) {
      const cases = await tx.testCaseResult.findMany({
        where: { runId: latest.id, controlIds: { has: input.controlId } },
        select: { name: true, status: true, message: true },
      });
      await createAutomatedEvidence(
        tx,
        latest,
        input.controlId,
        cases,
        latest.source ?? latest.tool ?? latest.fileName ?? latest.format,
        control.testFreshnessDays,
        new Date(),
        {
          tokenId: latest.tokenId,
          source: latest.source,
          notCurrentReason: storedRunNotCurrentReason(latest, control.testFreshnessDays),
        },
      );
    }
    await recordActivity(tx, actor, {
      action: "test_rule.create",
      entityType: "test_mapping_rule",
      entityId: rule.id,
      summary: `Tests whose ${input.field} matches "${input.pattern}" now prove ${control.ref} (${updated} stored result(s) mapped${stale.length ? `; ${stale.length} run(s) too old for its freshness window when they arrived do not count for it` : ""})`,
      after: input,
    });
    return { id: rule.id, mapped: updated };
  });
}

export async function deleteMappingRule(actor: Actor | null, id: string) {
  authorize(actor, "results.configure");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const rule = await tx.testMappingRule.findUnique({ where: { id } });
    if (!rule) throw notFound("That rule no longer exists.");
    await tx.testMappingRule.delete({ where: { id } });
    await recordActivity(tx, actor, {
      action: "test_rule.delete",
      entityType: "test_mapping_rule",
      entityId: id,
      summary: `Removed the rule ${rule.field} ~ "${rule.pattern}" (applies to future runs)`,
      before: rule,
    });
  });
}
