-- CreateEnum
CREATE TYPE "TestCaseStatus" AS ENUM ('passed', 'failed', 'errored', 'skipped');

-- CreateEnum
CREATE TYPE "MappingRuleField" AS ENUM ('file', 'suite', 'name');

-- AlterTable
ALTER TABLE "controls" ADD COLUMN     "test_freshness_days" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "test_run_id" UUID,
ALTER COLUMN "created_by_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "test_runs" (
    "id" UUID NOT NULL,
    "content_sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "tool" TEXT,
    "source" TEXT,
    "commit" TEXT,
    "branch" TEXT,
    "ci_url" TEXT,
    "file_name" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "tests" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "errored" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "flaky" INTEGER NOT NULL,
    "ingested_via" TEXT NOT NULL,
    "ingested_by" TEXT NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "test_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "test_case_results" (
    "id" BIGSERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "suite" TEXT NOT NULL,
    "classname" TEXT,
    "name" TEXT NOT NULL,
    "file" TEXT,
    "status" "TestCaseStatus" NOT NULL,
    "flaky" BOOLEAN NOT NULL DEFAULT false,
    "duration_ms" INTEGER NOT NULL,
    "message" TEXT,
    "control_ids" UUID[],

    CONSTRAINT "test_case_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "test_mapping_rules" (
    "id" UUID NOT NULL,
    "field" "MappingRuleField" NOT NULL,
    "pattern" TEXT NOT NULL,
    "control_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "test_mapping_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "test_runs_content_sha256_key" ON "test_runs"("content_sha256");

-- CreateIndex
CREATE INDEX "test_runs_started_at_idx" ON "test_runs"("started_at");

-- CreateIndex
CREATE INDEX "test_case_results_run_id_idx" ON "test_case_results"("run_id");

-- CreateIndex
CREATE INDEX "test_case_results_control_ids_idx" ON "test_case_results" USING GIN ("control_ids");

-- CreateIndex
CREATE UNIQUE INDEX "test_mapping_rules_field_pattern_control_id_key" ON "test_mapping_rules"("field", "pattern", "control_id");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_case_results" ADD CONSTRAINT "test_case_results_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "test_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_mapping_rules" ADD CONSTRAINT "test_mapping_rules_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "controls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "test_mapping_rules" ADD CONSTRAINT "test_mapping_rules_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
