-- Hand-written: the cases' tie to their run is kept by statement triggers instead of a foreign
-- key. The key checked each of a file's cases on its own (a 10,000-case COPY made 10,000 lookups
-- of the same run; about a fifth of a PGlite ingest, README "Performance"); the trigger checks
-- each run once per statement. What the key guaranteed still holds:
-- * a case names a stored run: checked after every statement that adds cases, with the runs
--   locked FOR KEY SHARE as the key locked them, so a run cannot be deleted meanwhile;
-- * a case does not move to another run, and a run keeps its id (refused);
-- * deleting runs deletes their cases, in the same statement.
ALTER TABLE "test_case_results" DROP CONSTRAINT "test_case_results_run_id_fkey";

CREATE FUNCTION "test_case_results_check_runs"() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  missing uuid;
BEGIN
  PERFORM 1 FROM "test_runs" r WHERE r."id" IN (SELECT DISTINCT "run_id" FROM "new_cases") FOR KEY SHARE;
  SELECT n."run_id" INTO missing
  FROM (SELECT DISTINCT "run_id" FROM "new_cases") n
  WHERE NOT EXISTS (SELECT 1 FROM "test_runs" r WHERE r."id" = n."run_id")
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "test_case_results" violates foreign key constraint "test_case_results_run_id_fkey"'
      USING ERRCODE = 'foreign_key_violation',
            DETAIL = format('Key (run_id)=(%s) is not present in table "test_runs".', missing);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "test_case_results_check_runs" AFTER INSERT ON "test_case_results"
  REFERENCING NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "test_case_results_check_runs"();

CREATE FUNCTION "refuse_key_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% cannot change', TG_TABLE_NAME, TG_ARGV[0] USING ERRCODE = 'foreign_key_violation';
END $$;

CREATE TRIGGER "test_case_results_keep_run" BEFORE UPDATE OF "run_id" ON "test_case_results"
  FOR EACH ROW WHEN (OLD."run_id" IS DISTINCT FROM NEW."run_id") EXECUTE FUNCTION "refuse_key_change"('run_id');
CREATE TRIGGER "test_runs_keep_id" BEFORE UPDATE OF "id" ON "test_runs"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "refuse_key_change"('id');

CREATE FUNCTION "test_runs_delete_cases"() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  DELETE FROM "test_case_results" WHERE "run_id" IN (SELECT "id" FROM "old_runs");
  RETURN NULL;
END $$;

CREATE TRIGGER "test_runs_delete_cases" AFTER DELETE ON "test_runs"
  REFERENCING OLD TABLE AS "old_runs" FOR EACH STATEMENT EXECUTE FUNCTION "test_runs_delete_cases"();

-- Which cases prove a control is read through test_run_controls (per run and control), so the
-- array index on every case is no longer needed; keeping it up cost a tenth of an ingest.
DROP INDEX "test_case_results_control_ids_idx";

-- Added cases are counted from the statement's new rows, added to what their run already has
-- (a file's cases may come in more than one COPY): the run's stored cases are not read again.
-- Remapped and deleted cases still recompute their runs from the table.
CREATE OR REPLACE FUNCTION "test_run_controls_refresh"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "test_run_controls" AS t ("run_id", "control_id", "total", "passed", "failing", "failing_names")
    SELECT n."run_id", cid,
           count(*) FILTER (WHERE n."status" <> 'skipped')::int,
           count(*) FILTER (WHERE n."status" = 'passed')::int,
           count(*) FILTER (WHERE n."status" IN ('failed', 'errored'))::int,
           coalesce((array_agg(n."name" ORDER BY n."name") FILTER (WHERE n."status" IN ('failed', 'errored')))[1:5], '{}')
    FROM "new_cases" n CROSS JOIN LATERAL unnest(n."control_ids") AS cid
    GROUP BY n."run_id", cid
    ON CONFLICT ("control_id", "run_id") DO UPDATE SET
      "total" = t."total" + EXCLUDED."total",
      "passed" = t."passed" + EXCLUDED."passed",
      "failing" = t."failing" + EXCLUDED."failing",
      "failing_names" = ARRAY(SELECT x FROM unnest(t."failing_names" || EXCLUDED."failing_names") AS x ORDER BY x LIMIT 5);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "test_run_controls_recompute"(ARRAY(SELECT DISTINCT "run_id" FROM "old_cases"));
  ELSE
    PERFORM "test_run_controls_recompute"(ARRAY(SELECT DISTINCT "run_id" FROM "new_cases"));
  END IF;
  RETURN NULL;
END $$;
