-- CreateTable
CREATE TABLE "test_run_controls" (
    "run_id" UUID NOT NULL,
    "control_id" UUID NOT NULL,
    "total" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "failing" INTEGER NOT NULL,
    "failing_names" TEXT[],

    CONSTRAINT "test_run_controls_pkey" PRIMARY KEY ("control_id","run_id")
);

-- CreateIndex
CREATE INDEX "test_run_controls_run_id_idx" ON "test_run_controls"("run_id");

-- AddForeignKey
ALTER TABLE "test_run_controls" ADD CONSTRAINT "test_run_controls_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "test_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: test_run_controls follows test_case_results. After each statement that adds,
-- remaps or removes cases (an ingest's COPY, a mapping rule applied to past runs, a run
-- deleted), the rows of the runs it touched are computed again from their cases.
CREATE FUNCTION "test_run_controls_recompute"("runs" uuid[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "test_run_controls" WHERE "run_id" = ANY ("runs");
  INSERT INTO "test_run_controls" ("run_id", "control_id", "total", "passed", "failing", "failing_names")
  SELECT c."run_id", cid,
         count(*) FILTER (WHERE c."status" <> 'skipped')::int,
         count(*) FILTER (WHERE c."status" = 'passed')::int,
         count(*) FILTER (WHERE c."status" IN ('failed', 'errored'))::int,
         coalesce((array_agg(c."name" ORDER BY c."name") FILTER (WHERE c."status" IN ('failed', 'errored')))[1:5], '{}')
  FROM "test_case_results" c CROSS JOIN LATERAL unnest(c."control_ids") AS cid
  WHERE c."run_id" = ANY ("runs")
    -- A run being deleted takes its rows with it (cascade): nothing to write back for it.
    AND EXISTS (SELECT 1 FROM "test_runs" r WHERE r."id" = c."run_id")
  GROUP BY c."run_id", cid;
$$;

CREATE FUNCTION "test_run_controls_refresh"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "test_run_controls_recompute"(ARRAY(SELECT DISTINCT "run_id" FROM "old_cases"));
  ELSE
    PERFORM "test_run_controls_recompute"(ARRAY(SELECT DISTINCT "run_id" FROM "new_cases"));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "test_run_controls_on_insert" AFTER INSERT ON "test_case_results"
  REFERENCING NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "test_run_controls_refresh"();
CREATE TRIGGER "test_run_controls_on_update" AFTER UPDATE ON "test_case_results"
  REFERENCING NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "test_run_controls_refresh"();
CREATE TRIGGER "test_run_controls_on_delete" AFTER DELETE ON "test_case_results"
  REFERENCING OLD TABLE AS "old_cases" FOR EACH STATEMENT EXECUTE FUNCTION "test_run_controls_refresh"();

-- The runs already stored.
INSERT INTO "test_run_controls" ("run_id", "control_id", "total", "passed", "failing", "failing_names")
SELECT c."run_id", cid,
       count(*) FILTER (WHERE c."status" <> 'skipped')::int,
       count(*) FILTER (WHERE c."status" = 'passed')::int,
       count(*) FILTER (WHERE c."status" IN ('failed', 'errored'))::int,
       coalesce((array_agg(c."name" ORDER BY c."name") FILTER (WHERE c."status" IN ('failed', 'errored')))[1:5], '{}')
FROM "test_case_results" c CROSS JOIN LATERAL unnest(c."control_ids") AS cid
GROUP BY c."run_id", cid;
