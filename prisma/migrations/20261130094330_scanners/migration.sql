-- CreateEnum
CREATE TYPE "ScanKind" AS ENUM ('postgres', 'code', 'sarif');

-- CreateEnum
CREATE TYPE "FindingLevel" AS ENUM ('error', 'warn', 'info');

-- AlterTable
ALTER TABLE "evidence_revisions" ALTER COLUMN "uploaded_by_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "scan_targets" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "connection_enc" TEXT NOT NULL,
    "tenant_columns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_scan_at" TIMESTAMPTZ(3),
    "last_result" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "scan_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scans" (
    "id" UUID NOT NULL,
    "kind" "ScanKind" NOT NULL,
    "source" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_email" TEXT NOT NULL,
    "not_representative" BOOLEAN NOT NULL DEFAULT false,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "report_file_name" TEXT NOT NULL,
    "report_sha256" TEXT NOT NULL,
    "evidence_id" UUID,
    "diff_new" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "diff_fixed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "diff_still_open" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "scans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_findings" (
    "id" BIGSERIAL NOT NULL,
    "scan_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "check" TEXT NOT NULL,
    "level" "FindingLevel" NOT NULL,
    "object" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "remediation" TEXT,
    "criteria" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "file" TEXT,
    "line" INTEGER,

    CONSTRAINT "scan_findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scan_finding_items" (
    "key" TEXT NOT NULL,
    "item_id" UUID NOT NULL,

    CONSTRAINT "scan_finding_items_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "scan_targets_name_key" ON "scan_targets"("name");

-- CreateIndex
CREATE INDEX "scans_kind_source_at_idx" ON "scans"("kind", "source", "at");

-- CreateIndex
CREATE INDEX "scans_at_idx" ON "scans"("at");

-- CreateIndex
CREATE INDEX "scan_findings_key_idx" ON "scan_findings"("key");

-- CreateIndex
CREATE UNIQUE INDEX "scan_findings_scan_id_key_key" ON "scan_findings"("scan_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "scan_finding_items_item_id_key" ON "scan_finding_items"("item_id");

-- AddForeignKey
ALTER TABLE "scan_findings" ADD CONSTRAINT "scan_findings_scan_id_fkey" FOREIGN KEY ("scan_id") REFERENCES "scans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scan_finding_items" ADD CONSTRAINT "scan_finding_items_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
