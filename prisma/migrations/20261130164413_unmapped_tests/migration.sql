-- CreateTable
CREATE TABLE "unmapped_tests" (
    "key" TEXT NOT NULL,
    "suite" TEXT NOT NULL,
    "classname" TEXT,
    "name" TEXT NOT NULL,
    "file" TEXT,
    "last_run_id" UUID NOT NULL,
    "last_started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_ingested_at" TIMESTAMPTZ(3) NOT NULL,
    "last_status" "TestCaseStatus" NOT NULL,

    CONSTRAINT "unmapped_tests_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "unmapped_tests_last_run_id_idx" ON "unmapped_tests"("last_run_id");

-- Hand-written: unmapped_tests follows test_case_results. A test is keyed by the text of its
-- (suite, classname, name, file) row, which tells a missing class or file from an empty one.
-- Inserted cases move a test's newest unmapped run forward; cases re-mapped or deleted make the
-- tests they belonged to be computed again from the cases left (looked up by name first).
CREATE FUNCTION "unmapped_tests_recompute"("keys" text[], "names" text[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "unmapped_tests" WHERE "key" = ANY ("keys");
  INSERT INTO "unmapped_tests" ("key", "suite", "classname", "name", "file", "last_run_id", "last_started_at", "last_ingested_at", "last_status")
  SELECT DISTINCT ON (c."k") c."k", c."suite", c."classname", c."name", c."file", r."id", r."started_at", r."ingested_at", c."status"
  FROM (SELECT md5(row(t."suite", t."classname", t."name", t."file")::text) AS "k", t.*
        FROM "test_case_results" t
        WHERE t."name" = ANY ("names") AND cardinality(t."control_ids") = 0) c
  JOIN "test_runs" r ON r."id" = c."run_id"
  WHERE c."k" = ANY ("keys")
  ORDER BY c."k", r."started_at" DESC, r."ingested_at" DESC;
$$;
-- Planned with its arrays as parameters; compiling it would only cost (see test_run_controls).
ALTER FUNCTION "unmapped_tests_recompute"(text[], text[]) SET jit = off;

CREATE FUNCTION "unmapped_tests_refresh"() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "unmapped_tests" AS u ("key", "suite", "classname", "name", "file", "last_run_id", "last_started_at", "last_ingested_at", "last_status")
    SELECT DISTINCT ON (c."k") c."k", c."suite", c."classname", c."name", c."file", r."id", r."started_at", r."ingested_at", c."status"
    FROM (SELECT md5(row(n."suite", n."classname", n."name", n."file")::text) AS "k", n."suite", n."classname", n."name", n."file", n."status", n."run_id"
          FROM "new_cases" n WHERE cardinality(n."control_ids") = 0) c
    JOIN "test_runs" r ON r."id" = c."run_id"
    ORDER BY c."k", r."started_at" DESC, r."ingested_at" DESC
    ON CONFLICT ("key") DO UPDATE SET
      "last_run_id" = EXCLUDED."last_run_id", "last_started_at" = EXCLUDED."last_started_at",
      "last_ingested_at" = EXCLUDED."last_ingested_at", "last_status" = EXCLUDED."last_status"
    WHERE (EXCLUDED."last_started_at", EXCLUDED."last_ingested_at") >= (u."last_started_at", u."last_ingested_at");
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "unmapped_tests_recompute"(
      ARRAY(SELECT DISTINCT md5(row(x."suite", x."classname", x."name", x."file")::text) FROM (
        SELECT "suite", "classname", "name", "file" FROM "old_cases" WHERE cardinality("control_ids") = 0
        UNION ALL
        SELECT "suite", "classname", "name", "file" FROM "new_cases" WHERE cardinality("control_ids") = 0) x),
      ARRAY(SELECT DISTINCT "name" FROM "old_cases" WHERE cardinality("control_ids") = 0
            UNION SELECT DISTINCT "name" FROM "new_cases" WHERE cardinality("control_ids") = 0));
  ELSE
    -- Only the tests whose newest unmapped run lost cases need another look.
    PERFORM "unmapped_tests_recompute"(
      ARRAY(SELECT u."key" FROM "unmapped_tests" u
            WHERE u."last_run_id" IN (SELECT DISTINCT "run_id" FROM "old_cases")
              AND u."key" IN (SELECT md5(row(o."suite", o."classname", o."name", o."file")::text) FROM "old_cases" o)),
      ARRAY(SELECT DISTINCT u."name" FROM "unmapped_tests" u
            WHERE u."last_run_id" IN (SELECT DISTINCT "run_id" FROM "old_cases")));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "unmapped_tests_on_insert" AFTER INSERT ON "test_case_results"
  REFERENCING NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "unmapped_tests_refresh"();
CREATE TRIGGER "unmapped_tests_on_update" AFTER UPDATE ON "test_case_results"
  REFERENCING OLD TABLE AS "old_cases" NEW TABLE AS "new_cases" FOR EACH STATEMENT EXECUTE FUNCTION "unmapped_tests_refresh"();
CREATE TRIGGER "unmapped_tests_on_delete" AFTER DELETE ON "test_case_results"
  REFERENCING OLD TABLE AS "old_cases" FOR EACH STATEMENT EXECUTE FUNCTION "unmapped_tests_refresh"();

-- The tests already stored.
INSERT INTO "unmapped_tests" ("key", "suite", "classname", "name", "file", "last_run_id", "last_started_at", "last_ingested_at", "last_status")
SELECT DISTINCT ON (c."k") c."k", c."suite", c."classname", c."name", c."file", r."id", r."started_at", r."ingested_at", c."status"
FROM (SELECT md5(row(t."suite", t."classname", t."name", t."file")::text) AS "k", t.*
      FROM "test_case_results" t WHERE cardinality(t."control_ids") = 0) c
JOIN "test_runs" r ON r."id" = c."run_id"
ORDER BY c."k", r."started_at" DESC, r."ingested_at" DESC;
