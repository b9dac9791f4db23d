-- Hand-written (created with --create-only): Prisma cannot express triggers.
-- The activity log is append-only in the database itself, whoever connects.
CREATE FUNCTION "activity_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'activity log is append-only: % on "activity" is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "activity_no_update_delete"
  BEFORE UPDATE OR DELETE ON "activity"
  FOR EACH ROW EXECUTE FUNCTION "activity_append_only"();

CREATE TRIGGER "activity_no_truncate"
  BEFORE TRUNCATE ON "activity"
  FOR EACH STATEMENT EXECUTE FUNCTION "activity_append_only"();
