-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'engineer', 'auditor');

-- CreateEnum
CREATE TYPE "CriterionCategory" AS ENUM ('security', 'availability', 'processing_integrity', 'confidentiality', 'privacy');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "access_expires_at" TIMESTAMPTZ(3),
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "first_failed_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criteria" (
    "id" TEXT NOT NULL,
    "category" "CriterionCategory" NOT NULL,
    "series" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "requirement" TEXT,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "criteria_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'Trustboard workspace',
    "categories_in_scope" "CriterionCategory"[] DEFAULT ARRAY['security']::"CriterionCategory"[],
    "audit_period_start" DATE,
    "audit_period_end" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_email" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "activity_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "criteria_category_idx" ON "criteria"("category");

-- CreateIndex
CREATE UNIQUE INDEX "activity_hash_key" ON "activity"("hash");

-- CreateIndex
CREATE INDEX "activity_at_idx" ON "activity"("at");

-- CreateIndex
CREATE INDEX "activity_action_idx" ON "activity"("action");

-- CreateIndex
CREATE INDEX "activity_entity_type_entity_id_idx" ON "activity"("entity_type", "entity_id");

-- AddForeignKey
ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
