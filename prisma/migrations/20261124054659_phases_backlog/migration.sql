-- CreateEnum
CREATE TYPE "PhaseProgress" AS ENUM ('pending', 'in_progress', 'complete');

-- CreateEnum
CREATE TYPE "PhaseItemKind" AS ENUM ('deliverable', 'ordering', 'testing');

-- CreateEnum
CREATE TYPE "FileChange" AS ENUM ('created', 'modified', 'referenced');

-- CreateEnum
CREATE TYPE "MustHaveVerdict" AS ENUM ('pending', 'verified', 'partial', 'failed');

-- CreateEnum
CREATE TYPE "BacklogPriority" AS ENUM ('P0', 'P1', 'P2', 'P3');

-- CreateEnum
CREATE TYPE "BacklogStatus" AS ENUM ('open', 'in_progress', 'awaiting_deployment', 'resolved', 'verified', 'risk_accepted', 'false_positive');

-- CreateEnum
CREATE TYPE "BacklogOrigin" AS ENUM ('manual', 'phase_gap', 'collector');

-- CreateEnum
CREATE TYPE "Likelihood" AS ENUM ('very_low', 'low', 'medium', 'high', 'very_high');

-- CreateEnum
CREATE TYPE "Impact" AS ENUM ('low', 'medium', 'high', 'critical', 'catastrophic');

-- CreateTable
CREATE TABLE "phases" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "goal" TEXT NOT NULL DEFAULT '',
    "progress" "PhaseProgress" NOT NULL DEFAULT 'pending',
    "owner_id" UUID,
    "next_steps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "phases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phase_requirements" (
    "id" UUID NOT NULL,
    "phase_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "criteria" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "phase_requirements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phase_items" (
    "id" UUID NOT NULL,
    "phase_id" UUID NOT NULL,
    "kind" "PhaseItemKind" NOT NULL DEFAULT 'deliverable',
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "evidence_id" UUID,
    "done_by_id" UUID,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "phase_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phase_files" (
    "id" UUID NOT NULL,
    "item_id" UUID,
    "must_have_id" UUID,
    "path" TEXT NOT NULL,
    "change" "FileChange" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "phase_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "must_haves" (
    "id" UUID NOT NULL,
    "phase_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "truth" TEXT NOT NULL,
    "verdict" "MustHaveVerdict" NOT NULL DEFAULT 'pending',
    "reason" TEXT NOT NULL DEFAULT '',
    "observation" TEXT NOT NULL DEFAULT '',
    "missing" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "requirements" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "evidence_id" UUID,
    "verified_by_id" UUID,
    "verified_at" TIMESTAMPTZ(3),

    CONSTRAINT "must_haves_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "backlog_items" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "priority" "BacklogPriority" NOT NULL,
    "status" "BacklogStatus" NOT NULL DEFAULT 'open',
    "justification" TEXT,
    "owner_id" UUID,
    "due_date" DATE,
    "risk_before" JSONB,
    "risk_after" JSONB,
    "origin" "BacklogOrigin" NOT NULL DEFAULT 'manual',
    "origin_note" TEXT NOT NULL DEFAULT '',
    "must_have_id" UUID,
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "verified_by_id" UUID,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "backlog_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "backlog_controls" (
    "item_id" UUID NOT NULL,
    "control_id" UUID NOT NULL,

    CONSTRAINT "backlog_controls_pkey" PRIMARY KEY ("item_id","control_id")
);

-- CreateTable
CREATE TABLE "backlog_criteria" (
    "item_id" UUID NOT NULL,
    "criterion_id" TEXT NOT NULL,

    CONSTRAINT "backlog_criteria_pkey" PRIMARY KEY ("item_id","criterion_id")
);

-- CreateTable
CREATE TABLE "backlog_checks" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "checked_by_id" UUID,
    "checked_at" TIMESTAMPTZ(3),

    CONSTRAINT "backlog_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "backlog_transitions" (
    "id" BIGSERIAL NOT NULL,
    "item_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "from" "BacklogStatus",
    "to" "BacklogStatus" NOT NULL,
    "actor_id" UUID,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "backlog_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "phases_number_key" ON "phases"("number");

-- CreateIndex
CREATE UNIQUE INDEX "phase_requirements_phase_id_code_key" ON "phase_requirements"("phase_id", "code");

-- CreateIndex
CREATE INDEX "phase_items_phase_id_kind_position_idx" ON "phase_items"("phase_id", "kind", "position");

-- CreateIndex
CREATE INDEX "phase_files_item_id_idx" ON "phase_files"("item_id");

-- CreateIndex
CREATE INDEX "phase_files_must_have_id_idx" ON "phase_files"("must_have_id");

-- CreateIndex
CREATE INDEX "must_haves_phase_id_position_idx" ON "must_haves"("phase_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "backlog_items_key_key" ON "backlog_items"("key");

-- CreateIndex
CREATE INDEX "backlog_items_status_priority_idx" ON "backlog_items"("status", "priority");

-- CreateIndex
CREATE INDEX "backlog_items_owner_id_idx" ON "backlog_items"("owner_id");

-- CreateIndex
CREATE INDEX "backlog_items_due_date_idx" ON "backlog_items"("due_date");

-- CreateIndex
CREATE INDEX "backlog_items_must_have_id_idx" ON "backlog_items"("must_have_id");

-- CreateIndex
CREATE INDEX "backlog_controls_control_id_idx" ON "backlog_controls"("control_id");

-- CreateIndex
CREATE INDEX "backlog_criteria_criterion_id_idx" ON "backlog_criteria"("criterion_id");

-- CreateIndex
CREATE INDEX "backlog_checks_item_id_position_idx" ON "backlog_checks"("item_id", "position");

-- CreateIndex
CREATE INDEX "backlog_transitions_item_id_at_idx" ON "backlog_transitions"("item_id", "at");

-- CreateIndex
CREATE INDEX "backlog_transitions_at_idx" ON "backlog_transitions"("at");

-- AddForeignKey
ALTER TABLE "phases" ADD CONSTRAINT "phases_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_requirements" ADD CONSTRAINT "phase_requirements_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_items" ADD CONSTRAINT "phase_items_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_items" ADD CONSTRAINT "phase_items_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_items" ADD CONSTRAINT "phase_items_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_files" ADD CONSTRAINT "phase_files_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "phase_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_files" ADD CONSTRAINT "phase_files_must_have_id_fkey" FOREIGN KEY ("must_have_id") REFERENCES "must_haves"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "must_haves" ADD CONSTRAINT "must_haves_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "must_haves" ADD CONSTRAINT "must_haves_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "must_haves" ADD CONSTRAINT "must_haves_evidence_id_fkey" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_verified_by_id_fkey" FOREIGN KEY ("verified_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_items" ADD CONSTRAINT "backlog_items_must_have_id_fkey" FOREIGN KEY ("must_have_id") REFERENCES "must_haves"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_controls" ADD CONSTRAINT "backlog_controls_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_controls" ADD CONSTRAINT "backlog_controls_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "controls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_criteria" ADD CONSTRAINT "backlog_criteria_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_criteria" ADD CONSTRAINT "backlog_criteria_criterion_id_fkey" FOREIGN KEY ("criterion_id") REFERENCES "criteria"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_checks" ADD CONSTRAINT "backlog_checks_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_checks" ADD CONSTRAINT "backlog_checks_checked_by_id_fkey" FOREIGN KEY ("checked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_transitions" ADD CONSTRAINT "backlog_transitions_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "backlog_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backlog_transitions" ADD CONSTRAINT "backlog_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
