-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT,
    "organisation" TEXT,
    "ip" TEXT,
    "outcome" TEXT,
    "target" TEXT,
    "metadata" JSONB,
    "dedupe_key" TEXT NOT NULL,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event_daily" (
    "day" DATE NOT NULL,
    "action" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "audit_event_daily_pkey" PRIMARY KEY ("action","day")
);

-- CreateTable
CREATE TABLE "audit_action_mappings" (
    "action" TEXT NOT NULL,
    "criteria" TEXT[],

    CONSTRAINT "audit_action_mappings_pkey" PRIMARY KEY ("action")
);

-- CreateTable
CREATE TABLE "expected_events" (
    "id" UUID NOT NULL,
    "control_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "max_silence_days" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expected_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_dedupe_key_key" ON "audit_events"("dedupe_key");

-- CreateIndex
CREATE INDEX "audit_events_action_occurred_at_idx" ON "audit_events"("action", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events"("occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_daily_day_idx" ON "audit_event_daily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "expected_events_control_id_action_key" ON "expected_events"("control_id", "action");

-- AddForeignKey
ALTER TABLE "expected_events" ADD CONSTRAINT "expected_events_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "controls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
