// A year of data for the page run (issue 15), written with bulk SQL: 100,000 activity rows (a
// valid hash chain, hashed here and written with COPY), 120 controls over the 61 criteria, 365
// nightly runs of 2,000 cases (100 of them mapped to ten controls, which get the run's
// automated evidence), 1,000 uploaded evidence items with one to three revisions each, and
// 5,000 backlog items with their transitions. The 1,000,000 audit events arrive over the API.
import type { Database } from "../db/open";
import { GENESIS_HASH, hashRow } from "../activity/chain";
import { copyField } from "../collectors/audit/copy-batch";

export const YEAR = {
  activity: 100_000,
  controls: 120,
  runs: 365,
  casesPerRun: 2_000,
  evidence: 1_000,
  backlog: 5_000,
} as const;

const ACTIVITY_ACTIONS = [
  ["evidence.create", "evidence"],
  ["evidence.review", "evidence"],
  ["control.update", "control"],
  ["test_results.ingest", "test_run"],
  ["backlog.update", "backlog_item"],
] as const;

/** 100,000 activity rows over the past year, chained to whatever the log already holds. */
async function seedActivity(d: Database): Promise<void> {
  await d.sql.transaction(async (q) => {
    const [last] = await q.query<{ hash: string }>(
      `SELECT "hash" FROM "activity" ORDER BY "seq" DESC LIMIT 1`,
    );
    let prev = last?.hash ?? GENESIS_HASH;
    const start = Date.now() - 365 * 86_400_000;
    const step = Math.floor((365 * 86_400_000) / YEAR.activity);
    let text = "";
    for (let i = 0; i < YEAR.activity; i++) {
      const [action, entityType] = ACTIVITY_ACTIONS[i % ACTIVITY_ACTIONS.length]!;
      const content = {
        at: new Date(start + i * step),
        actorId: null,
        actorEmail: `user${i % 40}@example.com`,
        action,
        entityType,
        entityId: `${entityType}-${i % 3000}`,
        summary: `Generated ${action} number ${i}`,
        before: null,
        after: null,
      };
      const hash = hashRow(content, prev);
      text += `${content.at.toISOString()}\t\\N\t${copyField(content.actorEmail)}\t${action}\t${entityType}\t${content.entityId}\t${copyField(content.summary)}\t\\N\t\\N\t${prev}\t${hash}\n`;
      prev = hash;
      if (text.length > 4_000_000 || i === YEAR.activity - 1) {
        await q.copyText(
          `"activity" ("at", "actor_id", "actor_email", "action", "entity_type", "entity_id", "summary", "before", "after", "prev_hash", "hash")`,
          text,
        );
        text = "";
      }
    }
  });
}

const CONTROL_IDS = `(SELECT array_agg("id" ORDER BY "ref") AS ids FROM "controls" WHERE "ref" LIKE 'YC-%')`;

/** Everything but the activity log and the audit events; `adminId` uploads the revisions. */
async function seedRest(d: Database, adminId: string): Promise<void> {
  await d.sql.transaction(async (q) => {
    await q.query(`
      INSERT INTO "controls" ("id", "ref", "title", "implementation", "frequency", "created_at", "updated_at")
      SELECT gen_random_uuid(), 'YC-' || lpad(g::text, 3, '0'), 'Year control ' || g,
             (ARRAY['implemented','implemented','in_progress','not_started'])[1 + g % 4]::"ImplementationStatus",
             (ARRAY['daily','weekly','monthly','quarterly'])[1 + g % 4]::"ControlFrequency",
             now() - interval '400 days', now()
      FROM generate_series(1, ${YEAR.controls}) g`);
    await q.query(`
      INSERT INTO "control_criteria" ("control_id", "criterion_id")
      SELECT c."id", cr."id"
      FROM (SELECT "id", row_number() OVER (ORDER BY "ref") AS n FROM "controls" WHERE "ref" LIKE 'YC-%') c
      JOIN (SELECT "id", row_number() OVER (ORDER BY "sort_order") - 1 AS n FROM "criteria") cr
        ON cr.n = c.n % 61 OR cr.n = (c.n * 7) % 61
      ON CONFLICT DO NOTHING`);
    // Expected audit events, as monitoring controls have them: the pushed year's actions, so
    // coverage and silence are judged from the million events (every day has each action).
    await q.query(`
      INSERT INTO "expected_events" ("id", "control_id", "action", "max_silence_days")
      SELECT gen_random_uuid(), c.ids[k], a.action, a.days
      FROM ${CONTROL_IDS} c,
           (VALUES (1, 'login', 1), (2, 'login_failed', 7), (3, 'permission_changed', 30),
                   (4, 'access_denied', 7)) AS a(k, action, days)`);
    await q.query(`
      INSERT INTO "test_runs" ("id", "content_sha256", "format", "tool", "source", "commit", "branch", "started_at", "duration_ms",
                               "tests", "passed", "failed", "errored", "skipped", "flaky", "ingested_via", "ingested_by", "ingested_at")
      SELECT gen_random_uuid(), md5('run' || g) || md5('year' || g), 'junit', 'pytest', 'nightly', md5('commit' || g), 'main',
             date_trunc('day', now()) - g * interval '1 day' + interval '2 hours', 600000,
             ${YEAR.casesPerRun}, ${YEAR.casesPerRun - 10}, 8, 2, 0, 0, 'api', 'bench',
             date_trunc('day', now()) - g * interval '1 day' + interval '2 hours'
      FROM generate_series(0, ${YEAR.runs - 1}) g`);
    await q.query(`
      INSERT INTO "test_case_results" ("run_id", "suite", "classname", "name", "file", "status", "duration_ms", "message", "control_ids")
      SELECT r."id", 'suite' || (i / 100), 'pkg.Suite' || (i / 100), 'test_' || i, 'tests/test_' || (i / 100) || '.py',
             (CASE WHEN i % 250 = 0 THEN 'failed' WHEN i % 1000 = 1 THEN 'errored' ELSE 'passed' END)::"TestCaseStatus",
             10, CASE WHEN i % 250 = 0 THEN 'AssertionError: expected true' END,
             CASE WHEN i % 20 = 0 THEN ARRAY[c.ids[1 + (i / 20) % 10]] ELSE '{}'::uuid[] END
      FROM "test_runs" r CROSS JOIN generate_series(0, ${YEAR.casesPerRun - 1}) i CROSS JOIN ${CONTROL_IDS} c`);
    // One automated evidence item per run and mapped control, as an ingest makes them.
    await q.query(`
      CREATE TEMP TABLE "year_auto" ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, r."id" AS run_id, r."started_at", c.ids[1 + k] AS control_id
      FROM "test_runs" r CROSS JOIN generate_series(0, 9) k CROSS JOIN ${CONTROL_IDS} c`);
    await q.query(`
      INSERT INTO "evidence" ("id", "title", "body", "kind", "test_run_id", "evidence_date", "expires_on", "review_state", "reviewed_at", "created_at", "updated_at")
      SELECT id, 'Tests 9/10 passing — nightly', '9 of 10 mapped tests passed.', 'automated', run_id,
             started_at::date, started_at::date + 7, 'accepted', started_at, started_at, started_at
      FROM "year_auto"`);
    await q.query(
      `INSERT INTO "evidence_controls" ("evidence_id", "control_id") SELECT id, control_id FROM "year_auto"`,
    );
    await q.query(`
      INSERT INTO "evidence_blobs" ("sha256", "content", "size")
      SELECT encode(sha256(('evidence file ' || g)::bytea), 'hex'), ('evidence file ' || g)::bytea, length('evidence file ' || g)
      FROM generate_series(1, 50) g`);
    await q.query(`
      CREATE TEMP TABLE "year_files" ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, ${YEAR.evidence}) g`);
    await q.query(
      `
      INSERT INTO "evidence" ("id", "title", "description", "kind", "evidence_date", "expires_on", "review_state", "created_by_id", "created_at", "updated_at")
      SELECT id, 'Evidence item ' || n, 'Generated for the page run', 'file', current_date - (n % 365), current_date - (n % 365) + 365,
             (ARRAY['draft','in_review','accepted','accepted','rejected'])[1 + n % 5]::"ReviewState", $1::uuid,
             now() - (n % 365) * interval '1 day', now()
      FROM "year_files"`,
      [adminId],
    );
    await q.query(`
      INSERT INTO "evidence_controls" ("evidence_id", "control_id")
      SELECT f.id, c.ids[1 + f.n % ${YEAR.controls}] FROM "year_files" f CROSS JOIN ${CONTROL_IDS} c
      UNION
      SELECT f.id, c.ids[1 + (f.n * 13) % ${YEAR.controls}] FROM "year_files" f CROSS JOIN ${CONTROL_IDS} c WHERE f.n % 2 = 0`);
    await q.query(
      `
      INSERT INTO "evidence_revisions" ("id", "evidence_id", "number", "file_name", "content_type", "size", "sha256", "uploaded_by_id", "uploaded_at")
      SELECT gen_random_uuid(), f.id, r, 'evidence-' || f.n || '-v' || r || '.pdf', 'application/pdf', b."size", b."sha256", $1::uuid,
             now() - (f.n % 365) * interval '1 day' + r * interval '1 hour'
      FROM "year_files" f CROSS JOIN LATERAL generate_series(1, 1 + f.n % 3) r
      JOIN (SELECT "sha256", "size", row_number() OVER (ORDER BY "sha256") - 1 AS k FROM "evidence_blobs") b ON b.k = (f.n + r) % 50`,
      [adminId],
    );
    await q.query(`
      INSERT INTO "backlog_items" ("id", "key", "title", "priority", "status", "created_at", "updated_at")
      SELECT gen_random_uuid(), 'BL-' || (100000 + g), 'Generated item ' || g, (ARRAY['P0','P1','P2','P3'])[1 + g % 4]::"BacklogPriority",
             (CASE WHEN g % 3 = 0 THEN 'open' ELSE 'verified' END)::"BacklogStatus", now() - (g % 365) * interval '1 day', now()
      FROM generate_series(1, ${YEAR.backlog}) g`);
    await q.query(`
      INSERT INTO "backlog_transitions" ("item_id", "at", "from", "to")
      SELECT "id", "created_at", NULL::"BacklogStatus", 'open'::"BacklogStatus" FROM "backlog_items" WHERE "title" LIKE 'Generated item %'
      UNION ALL
      SELECT "id", "created_at" + interval '3 days', 'open'::"BacklogStatus", "status" FROM "backlog_items" WHERE "title" LIKE 'Generated item %' AND "status" <> 'open'`);
  });
  if (d.kind === "postgresql") await d.sql.transaction((q) => q.exec("ANALYZE"));
}

/**
 * The year, except the audit events (pushed over the API afterwards). The generated activity
 * comes first, so that `makeAdmin` (which logs its own activity) continues the chain.
 */
export async function seedYear(d: Database, makeAdmin: () => Promise<string>): Promise<string> {
  await seedActivity(d);
  const adminId = await makeAdmin();
  await seedRest(d, adminId);
  // A Type II workspace over the year: status judges operating effectiveness by coverage of
  // this period, and /coverage draws it.
  await d.prisma.$executeRawUnsafe(`
    UPDATE "workspace" SET "audit_period_start" = current_date - 364, "audit_period_end" = current_date`);
  return adminId;
}
