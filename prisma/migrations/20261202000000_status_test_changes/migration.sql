-- CreateTable
CREATE TABLE "status_test_changes" (
    "txid" BIGINT NOT NULL,
    "control_id" UUID NOT NULL,
    "version" BIGINT,

    CONSTRAINT "status_test_changes_pkey" PRIMARY KEY ("txid","control_id")
);

-- CreateIndex
CREATE INDEX "status_test_changes_version_idx" ON "status_test_changes"("version");

-- Hand-written: which controls' test runs a transaction changed, so that status re-reads only
-- their runs when the tests part's version moves (lib/status/test-changes.ts). After a nightly
-- run status re-read a year of every mapped control's runs, 30–40 ms a query on PGlite, to learn
-- about one run of a few controls. Each statement that writes test_run_controls notes the
-- controls of its rows, old and new; an update of runs (marked not current for some or all of
-- their controls) notes the runs' controls. The nil UUID stands for every control (a TRUNCATE).
-- At commit status_bump_version stamps the notes with the version it bumps the tests part to:
-- versions are taken in commit order (the version row stays locked until commit), so a reader
-- that saw version V finds every note up to V.
CREATE FUNCTION "status_test_changes_note"() RETURNS trigger
LANGUAGE plpgsql SET jit = off AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO "status_test_changes" ("txid", "control_id")
    VALUES (txid_current(), '00000000-0000-0000-0000-000000000000') ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'test_runs' THEN
    INSERT INTO "status_test_changes" ("txid", "control_id")
    SELECT DISTINCT txid_current(), t."control_id" FROM "test_run_controls" t
    WHERE t."run_id" IN (SELECT "id" FROM "changed_rows")
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO "status_test_changes" ("txid", "control_id")
    SELECT DISTINCT txid_current(), "control_id" FROM "changed_rows"
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;

-- A trigger with transition tables has one event: one trigger per event. An update notes the
-- old rows as well as the new ones only where the control could change, which it cannot
-- (test_run_controls is keyed by control and run, and its rows are replaced, not moved).
CREATE TRIGGER "status_test_changes_on_insert" AFTER INSERT ON "test_run_controls"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "status_test_changes_note"();
CREATE TRIGGER "status_test_changes_on_update" AFTER UPDATE ON "test_run_controls"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "status_test_changes_note"();
CREATE TRIGGER "status_test_changes_on_delete" AFTER DELETE ON "test_run_controls"
  REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "status_test_changes_note"();
CREATE TRIGGER "status_test_changes_on_truncate" AFTER TRUNCATE ON "test_run_controls"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_test_changes_note"();
-- A run's deletion deletes its test_run_controls rows (foreign key), noted by the trigger above.
CREATE TRIGGER "status_test_changes_on_run_update" AFTER UPDATE ON "test_runs"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "status_test_changes_note"();

-- As in migration status_part_versions, and for the tests part (2) the transaction's notes are
-- stamped with its new version. Notes more than 1,000 versions old are dropped; a reader that
-- last loaded before them reads every control again (lib/status/test-changes.ts).
CREATE OR REPLACE FUNCTION "status_bump_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  p smallint;
  v bigint;
BEGIN
  FOR p IN SELECT "part" FROM "status_dirty" WHERE "txid" = NEW."txid" ORDER BY "part" LOOP
    UPDATE "status_data_version" SET "version" = "version" + 1 WHERE "id" = p RETURNING "version" INTO v;
    IF p = 2 THEN
      UPDATE "status_test_changes" SET "version" = v WHERE "txid" = NEW."txid";
      DELETE FROM "status_test_changes" WHERE "version" <= v - 1000;
    END IF;
  END LOOP;
  DELETE FROM "status_dirty" WHERE "txid" = NEW."txid";
  RETURN NULL;
END;
$$;
