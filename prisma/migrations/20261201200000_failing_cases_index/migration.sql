-- A run's failing cases without reading its passing ones: a control's page lists the failing
-- cases of its latest run, and with a year of nightly runs that read every case of the run
-- (issue 15). Failing cases are a few in a hundred, so the index costs the ingest little.
CREATE INDEX "test_case_results_failing_idx" ON "test_case_results" ("run_id") WHERE "status" IN ('failed', 'errored');
