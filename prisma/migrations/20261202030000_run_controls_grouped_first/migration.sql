-- Added cases counted per list of control ids first, then per control. A run's cases share a few
-- lists (a suite's cases share its tags), so the statement's rows are grouped by a hash on the
-- list instead of being multiplied by their controls and sorted; only failing cases, for the
-- first five names, are multiplied by their controls. Same totals and names as before: on PGlite,
-- whose PostgreSQL runs on WebAssembly's baseline compiler, a 10,000-case COPY took about a sixth
-- less (docs/performance-log.md, 2026-12-02). Deletes and updates are unchanged.
CREATE OR REPLACE FUNCTION "test_run_controls_refresh"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "test_run_controls" AS t ("run_id", "control_id", "total", "passed", "failing", "failing_names")
    SELECT c."run_id", c."cid", c."total", c."passed", c."failing", coalesce(f."names", '{}')
    FROM (
      SELECT g."run_id", cid, sum(g."total")::int AS "total", sum(g."passed")::int AS "passed",
             sum(g."failing")::int AS "failing"
      FROM (
        SELECT n."run_id", n."control_ids",
               count(*) FILTER (WHERE n."status" <> 'skipped') AS "total",
               count(*) FILTER (WHERE n."status" = 'passed') AS "passed",
               count(*) FILTER (WHERE n."status" IN ('failed', 'errored')) AS "failing"
        FROM "new_cases" n
        WHERE cardinality(n."control_ids") > 0
        GROUP BY n."run_id", n."control_ids") g
      CROSS JOIN LATERAL unnest(g."control_ids") AS cid
      GROUP BY g."run_id", cid) c
    LEFT JOIN (
      SELECT n."run_id", cid, (array_agg(n."name" ORDER BY n."name"))[1:5] AS "names"
      FROM "new_cases" n CROSS JOIN LATERAL unnest(n."control_ids") AS cid
      WHERE n."status" IN ('failed', 'errored')
      GROUP BY n."run_id", cid) f ON f."run_id" = c."run_id" AND f."cid" = c."cid"
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
