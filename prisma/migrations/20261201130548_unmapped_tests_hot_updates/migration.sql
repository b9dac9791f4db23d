-- Issue 15: every ingest moves each unmapped test's row to the new run (unmapped_tests_refresh).
-- With an index on "last_run_id" each such update wrote a new entry into both indexes; on PGlite
-- that was ~140 ms of ~500 ms of CPU per 10,000-case file. Without it no indexed column changes,
-- and with room left on each page (fillfactor 50) the update stays on its page: a heap-only
-- update, no index entry written. /tests reads the table whole (one row per distinct unmapped
-- test) and keeps the rows of the last ten runs; so does the trigger when runs are deleted (once
-- per statement, and no request deletes runs).

-- DropIndex
DROP INDEX "unmapped_tests_last_run_id_idx";

ALTER TABLE "unmapped_tests" SET (fillfactor = 50);
-- The rows already stored get their room when the table is rewritten.
CLUSTER "unmapped_tests" USING "unmapped_tests_pkey";
