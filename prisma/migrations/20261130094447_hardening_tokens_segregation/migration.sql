-- Issue 10: token scopes per stream, binding, owner, required expiry; segregation of duties;
-- secret-scan notes. Tokens from before keep working as they did: every stream ("ingest" held
-- all three), no binding, answered for by their creator, and — when they had no expiry — one
-- year from this migration.

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "evidences" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "owner_id" UUID,
ADD COLUMN     "source" TEXT;

UPDATE "api_tokens" SET "expires_at" = now() + interval '1 year' WHERE "expires_at" IS NULL;
UPDATE "api_tokens"
   SET "scopes" = ARRAY['test-results', 'audit-events', 'findings']::TEXT[]
 WHERE 'ingest' = ANY ("scopes");
UPDATE "api_tokens" SET "owner_id" = "created_by_id";

ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;

-- AlterTable
ALTER TABLE "backlog_items" ADD COLUMN     "closure_justification" TEXT,
ADD COLUMN     "closure_proposal" "BacklogStatus",
ADD COLUMN     "closure_proposed_at" TIMESTAMPTZ(3),
ADD COLUMN     "closure_proposed_by_id" UUID;

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "not_current_reason" TEXT,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "token_id" UUID;

-- AlterTable
ALTER TABLE "evidence_revisions" ADD COLUMN     "scan_note" TEXT;

-- AlterTable
ALTER TABLE "must_haves" ADD COLUMN     "delivered_owner_id" UUID;

UPDATE "must_haves" m SET "delivered_owner_id" = p."owner_id" FROM "phases" p WHERE p."id" = m."phase_id";

-- AlterTable
ALTER TABLE "test_runs" ADD COLUMN     "not_current_reason" TEXT,
ADD COLUMN     "token_id" UUID;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_runs" ADD CONSTRAINT "test_runs_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "api_tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_closure_proposed_by_id_fkey" FOREIGN KEY ("closure_proposed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
