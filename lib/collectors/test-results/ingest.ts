// One code path for every way test results arrive (UI upload, HTTP API, directory pull):
// parse → recognise a duplicate → map cases to controls → store run, cases and automated
// evidence per mapped control, and the activity row, in one transaction. The cases go in with
// COPY inside that transaction (several times faster than INSERT), so a failed ingest still
// stores nothing.
import { createHash, randomUUID } from "node:crypto";
import { database } from "@/lib/db";
import type { BulkRunner } from "@/lib/db/runners";
import { recordActivitySql } from "@/lib/activity/record-sql";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { MappingContext } from "./mapping";
import { boundMapper, boundSource, notCurrentReason } from "./token-binding";
import { parseTestResultsYielding } from "./parse";
import { insertAutomatedEvidence } from "./automated-evidence";
import { sourceTimeZone } from "./source-zones";
import { assertStorableRun } from "./storable-run";
import { CASE_COLUMNS, caseCopyPieces } from "./case-copy";
import type { ParsedCase, ParsedRun, Totals } from "./types";

export interface IngestMeta {
  fileName?: string | null;
  source?: string | null;
  commit?: string | null;
  branch?: string | null;
  ciUrl?: string | null;
  /** The zone of zone-less JUnit timestamps; else the source's configured zone, else UTC. */
  timeZone?: string | null;
  via: "upload" | "api" | "directory";
}

export interface IngestResult {
  runId: string;
  duplicate: boolean;
  totals: Totals;
  mapped: { tests: number; unmapped: number; controls: string[] };
  /** Tags naming controls or criteria outside the token's binding: ignored (issue 10). */
  ignoredTags: string[];
  /** Why the run does not count as current evidence for some or all of its controls. */
  notCurrent: { controls: string[]; reason: string } | null;
}

type Context = MappingContext & { refById: Map<string, string>; freshness: Map<string, number> };

async function mappingContext(q: BulkRunner): Promise<Context> {
  const [controls, rules] = await Promise.all([
    q.query<{ id: string; ref: string; freshness: number; criteria: string[] }>(
      `SELECT c."id", c."ref", c."test_freshness_days" AS freshness,
              coalesce(array_agg(cc."criterion_id") FILTER (WHERE cc."criterion_id" IS NOT NULL), '{}') AS criteria
       FROM "controls" c LEFT JOIN "control_criteria" cc ON cc."control_id" = c."id"
       WHERE c."archived_at" IS NULL GROUP BY c."id"`,
    ),
    q.query<{ field: "file" | "suite" | "name"; pattern: string; controlId: string }>(
      `SELECT "field"::text AS field, "pattern", "control_id"::text AS "controlId" FROM "test_mapping_rules"`,
    ),
  ]);
  const controlsByCriterion = new Map<string, string[]>();
  for (const c of controls)
    for (const criterionId of c.criteria)
      controlsByCriterion.set(criterionId, [...(controlsByCriterion.get(criterionId) ?? []), c.id]);
  return {
    controlsByRef: new Map(controls.map((c) => [c.ref.toUpperCase(), c.id])),
    controlsByCriterion,
    rules,
    refById: new Map(controls.map((c) => [c.id, c.ref])),
    freshness: new Map(controls.map((c) => [c.id, c.freshness])),
  };
}

interface StoredRun {
  id: string;
  tests: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  flaky: number;
  mapped: number;
}

async function findRun(q: BulkRunner, sha: string): Promise<IngestResult | null> {
  const [r] = await q.query<StoredRun>(
    `SELECT r."id", r."tests", r."passed", r."failed", r."errored", r."skipped", r."flaky",
            (SELECT count(*)::int FROM "test_case_results" c WHERE c."run_id" = r."id" AND cardinality(c."control_ids") > 0) AS mapped
     FROM "test_runs" r WHERE r."content_sha256" = $1`,
    [sha],
  );
  if (!r) return null;
  const { id, mapped, ...totals } = r;
  return {
    runId: id,
    duplicate: true,
    totals,
    mapped: { tests: mapped, unmapped: totals.tests - mapped, controls: [] },
    ignoredTags: [],
    notCurrent: null,
  };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === "23505";

export function ingestTestResults(
  actor: Actor | null,
  content: string,
  meta: IngestMeta,
  now = new Date(),
): Promise<IngestResult> {
  return ingest(actor, content, meta, now, false);
}

/**
 * Every step and statement of an ingest of `content`, in a transaction that is then rolled back:
 * nothing is stored and no activity is recorded (only the cases' id sequence moves on, as after
 * any failed ingest). The server rehearses at start (warm-up.ts) so that the first upload does
 * not pay for V8 compiling the path or for a new connection's first COPY.
 */
export function rehearseIngest(
  actor: Actor | null,
  content: string,
  meta: IngestMeta,
  now = new Date(),
): Promise<IngestResult> {
  return ingest(actor, content, meta, now, true);
}

/** Thrown at the end of a rehearsal's transaction, so that it rolls back. */
const REHEARSED = new Error("rehearsal: rolled back");

async function ingest(
  actor: Actor | null,
  content: string,
  meta: IngestMeta,
  now: Date,
  rehearsal: boolean,
): Promise<IngestResult> {
  authorize(actor, "results.ingest");
  const source = boundSource(actor, meta.source);
  const { sql } = await database();
  const sha = createHash("sha256").update(content).digest("hex");
  // The duplicate check's round trips (and the connection's first use) overlap the parse, which
  // gives the event loop a turn between slices. A file already stored answers as before, even if
  // it no longer parses (limits can change).
  const stored = sql.transaction((q) => findRun(q, sha));
  // Awaited below; this only keeps a failure during the parse from counting as unhandled.
  stored.catch(() => undefined);
  let run: ParsedRun;
  try {
    run = await parseTestResultsYielding(content, {
      timeZone: meta.timeZone ?? sourceTimeZone(source),
    });
  } catch (err) {
    const known = await stored;
    if (known) return known;
    throw err;
  }
  const known = await stored;
  if (known) return known;
  assertStorableRun(run, meta);
  const startedAt = run.startedAt && run.startedAt <= now ? run.startedAt : now;
  const label = source || run.tool || meta.fileName || run.format;
  const runId = randomUUID();

  let mappedTests = 0;
  let controls: string[] = [];
  let ignoredTags: string[] = [];
  let notCurrent: IngestResult["notCurrent"] = null;
  const tokenId = actor.kind === "token" ? actor.tokenId : null;
  const result = (): IngestResult => ({
    runId,
    duplicate: false,
    totals: run.totals,
    mapped: { tests: mappedTests, unmapped: run.cases.length - mappedTests, controls },
    ignoredTags,
    notCurrent,
  });
  try {
    await sql.transaction(async (q) => {
      const ctx = await mappingContext(q);
      const bound = boundMapper(actor, ctx);
      const controlIds = run.cases.map((c) => bound.map(c));
      ignoredTags = [...bound.ignored].sort();
      const byControl = new Map<string, ParsedCase[]>();
      run.cases.forEach((c, i) => {
        for (const id of controlIds[i]!) {
          const list = byControl.get(id);
          if (list) list.push(c);
          else byControl.set(id, [c]);
        }
      });
      mappedTests = controlIds.filter((ids) => ids.length > 0).length;
      controls = [...byControl.keys()].map((id) => ctx.refById.get(id)!).sort();
      // Staleness is per control: the run is left out of coverage and signals for the controls
      // whose freshness window it misses (not_current_controls), and for all when it misses every one.
      const reasons = new Map(
        [...byControl.keys()].map((id) => [
          id,
          notCurrentReason(actor, run.startedAt, ctx.freshness.get(id) ?? 7, now),
        ]),
      );
      const stale = [...reasons].filter(([, r]) => r !== null);
      if (stale.length)
        notCurrent = {
          controls: stale.map(([id]) => ctx.refById.get(id)!).sort(),
          reason: stale[0]![1]!,
        };
      const runReason =
        notCurrentReason(actor, run.startedAt, Infinity, now) ??
        (stale.length > 0 && stale.length === byControl.size ? stale[0]![1] : null);

      await q.query(
        `INSERT INTO "test_runs" ("id", "content_sha256", "format", "tool", "source", "commit", "branch", "ci_url", "file_name", "started_at", "duration_ms",
                                  "tests", "passed", "failed", "errored", "skipped", "flaky", "summary_only", "ingested_via", "ingested_by", "token_id", "not_current_reason", "not_current_controls")
         VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, $11, $12, $13, $14, $15, $16, $17, $18::text[], $19, $20, $21::uuid, $22, $23::uuid[])`,
        [
          runId,
          sha,
          run.format,
          run.tool,
          source,
          meta.commit ?? null,
          meta.branch ?? null,
          meta.ciUrl ?? null,
          meta.fileName ?? null,
          startedAt.toISOString(),
          run.durationMs,
          run.totals.tests,
          run.totals.passed,
          run.totals.failed,
          run.totals.errored,
          run.totals.skipped,
          run.totals.flaky,
          run.summaryOnly,
          meta.via,
          actor.email,
          tokenId,
          runReason,
          runReason ? [...byControl.keys()] : stale.map(([id]) => id),
        ],
      );
      await q.copyBinary(CASE_COLUMNS, caseCopyPieces(runId, run.cases, controlIds));
      const evidenceRun = {
        id: runId,
        startedAt,
        durationMs: run.durationMs,
        commit: meta.commit ?? null,
        ciUrl: meta.ciUrl ?? null,
      };
      for (const [controlId, cases] of byControl)
        await insertAutomatedEvidence(
          q,
          evidenceRun,
          controlId,
          cases,
          label,
          ctx.freshness.get(controlId) ?? 7,
          now,
          { tokenId, source, notCurrentReason: reasons.get(controlId) ?? null },
        );
      const summaryOnly = run.summaryOnly.length
        ? `; ${run.summaryOnly.length} suite(s) counted from their declared totals only (${run.summaryOnly.slice(0, 5).join(", ")}${run.summaryOnly.length > 5 ? ", …" : ""})`
        : "";
      await recordActivitySql(q, actor, {
        action: "test_run.ingest",
        entityType: "test_run",
        entityId: runId,
        summary: `Ingested ${run.format} results "${label}" via ${meta.via}: ${run.totals.tests} tests, ${run.totals.failed + run.totals.errored} failing, mapped to ${byControl.size} control(s)${summaryOnly}`,
        after: {
          sha256: sha,
          totals: run.totals,
          commit: meta.commit ?? null,
          controls,
          ...(run.summaryOnly.length ? { summaryOnly: run.summaryOnly } : {}),
          ...(ignoredTags.length ? { ignoredTags } : {}),
          ...(notCurrent ? { notCurrent } : {}),
        },
      });
      if (rehearsal) throw REHEARSED;
    });
  } catch (err) {
    if (err === REHEARSED) return result();
    // The same file arriving twice at once: the second finds the first once it has committed.
    if (isUniqueViolation(err)) {
      const first = await sql.transaction((q) => findRun(q, sha));
      if (first) return first;
    }
    throw err;
  }
  return result();
}
