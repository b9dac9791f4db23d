-- Hand-written (created with --create-only): Prisma cannot express triggers.
-- Evidence revisions and stored file contents are immutable once written: a new upload
-- adds a revision, nothing rewrites or removes an old one.
CREATE FUNCTION "reject_modification"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are immutable: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "evidence_revisions_immutable"
  BEFORE UPDATE OR DELETE ON "evidence_revisions"
  FOR EACH ROW EXECUTE FUNCTION "reject_modification"();

CREATE TRIGGER "evidence_blobs_immutable"
  BEFORE UPDATE OR DELETE ON "evidence_blobs"
  FOR EACH ROW EXECUTE FUNCTION "reject_modification"();
