-- Hand-written: TRUNCATE fires no delete trigger, so since the cases are tied to their run by
-- triggers (migration case_run_checks) `TRUNCATE "test_runs" CASCADE` would have emptied the runs
-- and their per-control summaries and left every case (and unmapped_tests) behind. Refused, as
-- the foreign key refused it; deleting runs takes their cases along.
CREATE FUNCTION "test_runs_refuse_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'test_runs cannot be truncated: delete its rows, which takes their cases along'
    USING ERRCODE = 'feature_not_supported';
END $$;

CREATE TRIGGER "test_runs_refuse_truncate" BEFORE TRUNCATE ON "test_runs"
  FOR EACH STATEMENT EXECUTE FUNCTION "test_runs_refuse_truncate"();
