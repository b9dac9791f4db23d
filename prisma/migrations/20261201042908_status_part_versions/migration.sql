/*
  Warnings:

  - The primary key for the `status_dirty` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- AlterTable
ALTER TABLE "status_dirty" DROP CONSTRAINT "status_dirty_pkey",
ADD COLUMN     "part" SMALLINT NOT NULL DEFAULT 1,
ADD CONSTRAINT "status_dirty_pkey" PRIMARY KEY ("txid", "part");

-- Hand-written: one data version per part of status's input, so that a write re-reads only the
-- part it changed (lib/status/status-inputs.ts): audit events arrive all day, and re-reading the
-- controls and their evidence after each was most of a page's time after a change. Row 1 (the
-- one version until now) is the core part. Parts: 1 core, 2 test runs, 3 audit events, 4 backlog.
INSERT INTO "status_data_version" ("id", "version") VALUES (2, 0), (3, 0), (4, 0);

CREATE OR REPLACE FUNCTION "status_mark_dirty"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "status_dirty" ("txid", "part") VALUES (txid_current(), TG_ARGV[0]::smallint)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

-- At the first of the transaction's marks to fire, every part it marked is bumped, in the order
-- of the parts: two transactions that marked the same parts in another order lock the version
-- rows in the same order (no deadlock at commit). The marks fired after it find nothing left.
CREATE OR REPLACE FUNCTION "status_bump_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  p smallint;
BEGIN
  FOR p IN SELECT "part" FROM "status_dirty" WHERE "txid" = NEW."txid" ORDER BY "part" LOOP
    UPDATE "status_data_version" SET "version" = "version" + 1 WHERE "id" = p;
  END LOOP;
  DELETE FROM "status_dirty" WHERE "txid" = NEW."txid";
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
  parts CONSTANT jsonb := '{
    "workspace": 1, "criteria": 1, "controls": 1, "control_criteria": 1, "evidence": 1,
    "evidence_controls": 1, "status_overrides": 1, "phases": 1, "phase_requirements": 1,
    "must_haves": 1,
    "test_runs": 2, "test_run_controls": 2,
    "audit_events": 3, "audit_event_daily": 3, "expected_events": 3,
    "backlog_items": 4, "backlog_controls": 4, "backlog_criteria": 4, "backlog_transitions": 4
  }';
BEGIN
  FOR t IN SELECT jsonb_object_keys(parts) LOOP
    EXECUTE format('DROP TRIGGER "status_dirty_on_write" ON %I', t);
    EXECUTE format('CREATE TRIGGER "status_dirty_on_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "status_mark_dirty"(%L)', t, parts ->> t);
  END LOOP;
END;
$$;

DROP TRIGGER "status_dirty_on_write" ON "users";
CREATE TRIGGER "status_dirty_on_write"
  AFTER UPDATE OF "email" OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_mark_dirty"('1');
