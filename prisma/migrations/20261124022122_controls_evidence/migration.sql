-- CreateEnum
CREATE TYPE "ImplementationStatus" AS ENUM ('not_started', 'in_progress', 'implemented', 'not_applicable');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('file', 'link', 'note', 'automated');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('draft', 'in_review', 'accepted', 'rejected', 'expired');

-- CreateEnum
CREATE TYPE "StatusValue" AS ENUM ('met', 'at_risk', 'gap', 'not_started', 'not_applicable');

-- CreateEnum
CREATE TYPE "StatusTarget" AS ENUM ('control', 'criterion');

-- CreateTable
CREATE TABLE "controls" (
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner_id" UUID,
    "implementation" "ImplementationStatus" NOT NULL DEFAULT 'not_started',
    "na_justification" TEXT,
    "locations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "controls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "control_criteria" (
    "control_id" UUID NOT NULL,
    "criterion_id" TEXT NOT NULL,

    CONSTRAINT "control_criteria_pkey" PRIMARY KEY ("control_id","criterion_id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "EvidenceKind" NOT NULL,
    "url" TEXT,
    "body" TEXT,
    "evidence_date" DATE NOT NULL,
    "period_start" DATE,
    "period_end" DATE,
    "expires_on" DATE,
    "renewal_days" INTEGER,
    "review_state" "ReviewState" NOT NULL DEFAULT 'draft',
    "review_comment" TEXT,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_controls" (
    "evidence_id" UUID NOT NULL,
    "control_id" UUID NOT NULL,

    CONSTRAINT "evidence_controls_pkey" PRIMARY KEY ("evidence_id","control_id")
);

-- CreateTable
CREATE TABLE "evidence_revisions" (
    "id" UUID NOT NULL,
    "evidence_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "secret_findings" JSONB NOT NULL DEFAULT '[]',
    "redacted" BOOLEAN NOT NULL DEFAULT false,
    "uploaded_by_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_blobs" (
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_blobs_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "status_overrides" (
    "id" UUID NOT NULL,
    "target_type" "StatusTarget" NOT NULL,
    "target_id" TEXT NOT NULL,
    "status" "StatusValue" NOT NULL,
    "justification" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "status_overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_snapshots" (
    "day" DATE NOT NULL,
    "criterion_id" TEXT NOT NULL,
    "status" "StatusValue" NOT NULL,

    CONSTRAINT "status_snapshots_pkey" PRIMARY KEY ("criterion_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "controls_ref_key" ON "controls"("ref");

-- CreateIndex
CREATE INDEX "controls_owner_id_idx" ON "controls"("owner_id");

-- CreateIndex
CREATE INDEX "control_criteria_criterion_id_idx" ON "control_criteria"("criterion_id");

-- CreateIndex
CREATE INDEX "evidence_evidence_date_idx" ON "evidence"("evidence_date");

-- CreateIndex
CREATE INDEX "evidence_review_state_idx" ON "evidence"("review_state");

-- CreateIndex
CREATE INDEX "evidence_controls_control_id_idx" ON "evidence_controls"("control_id");

-- CreateIndex
CREATE INDEX "evidence_revisions_sha256_idx" ON "evidence_revisions"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_revisions_evidence_id_number_key" ON "evidence_revisions"("evidence_id", "number");

-- CreateIndex
CREATE INDEX "status_overrides_target_type_target_id_idx" ON "status_overrides"("target_type", "target_id");

-- AddForeignKey
ALTER TABLE "controls" ADD CONSTRAINT "controls_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "control_criteria" ADD CONSTRAINT "control_criteria_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "controls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "control_criteria" ADD CONSTRAINT "control_criteria_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_controls" ADD CONSTRAINT "evidence_controls_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_controls" ADD CONSTRAINT "evidence_controls_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "controls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "evidence_blobs"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_revisions" ADD CONSTRAINT "evidence_revisions_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_overrides" ADD CONSTRAINT "status_overrides_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
