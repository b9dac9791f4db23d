-- CreateTable
CREATE TABLE "status_data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "status_data_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_dirty" (
    "txid" BIGINT NOT NULL,

    CONSTRAINT "status_dirty_pkey" PRIMARY KEY ("txid")
);

-- Hand-written: Prisma cannot express triggers. The data version that computed status is
-- memoised on (lib/status/status-memo.ts). Every statement that writes a table status reads
-- marks its transaction once in "status_dirty"; a deferred constraint trigger on that mark bumps
-- the single version row at commit. Bumping at commit rather than at the write holds the version
-- row's lock only while committing (no lock ordering against the activity chain's lock or row
-- locks taken later in the transaction), and a rolled-back write bumps nothing.
INSERT INTO "status_data_version" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "status_mark_dirty"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "status_dirty" ("txid") VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "status_bump_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "status_data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  DELETE FROM "status_dirty" WHERE "txid" = NEW."txid";
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "status_dirty_bump"
  AFTER INSERT ON "status_dirty" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "status_bump_version"();

-- The tables evaluateWorkspace reads (lib/status, lib/coverage/load-records.ts). Users only for
-- their e-mail (an override names its author).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['workspace', 'criteria', 'controls', 'control_criteria', 'evidence',
    'evidence_controls', 'status_overrides', 'test_runs', 'test_run_controls', 'audit_events',
    'audit_event_daily', 'expected_events', 'phases', 'phase_requirements', 'must_haves',
    'backlog_items', 'backlog_controls', 'backlog_criteria', 'backlog_transitions']
  LOOP
    EXECUTE format('CREATE TRIGGER "status_dirty_on_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "status_mark_dirty"()', t);
  END LOOP;
END;
$$;

CREATE TRIGGER "status_dirty_on_write"
  AFTER UPDATE OF "email" OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_mark_dirty"();
