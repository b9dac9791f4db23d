-- Issue 15: what an audit event costs to store. Measured on PostgreSQL 15, backend CPU:
-- a COPY of 1,000,000 pulled events: the heap ~3 s, the primary key ~1.4 s, the B-tree on
-- (action, occurred_at) ~3.5 s and the unique index on dedupe_key ~1.5 s, although pulled events
-- have no key (NULLs are indexed too).
--
-- * An action's latest event (silence checks) is kept with the daily counts: "last_at", the
--   latest event of the day and action, raised by every writer in the same upsert as the count.
-- * The population and sample of an action in a period, the one reader of events by time, is
--   served by a BRIN index on "occurred_at": events arrive about in time order, and a BRIN index
--   costs almost nothing per event written.
-- * The key's unique index holds only the events that have one: pushed and uploaded ones.
--   (Putting the event's time in front of the key would spare a push's random index pages, but
--   the same record must be recognised even where its time was read differently: a time without
--   a zone was read in the server's zone before this version.)

-- AlterTable
ALTER TABLE "audit_event_daily" ADD COLUMN     "last_at" TIMESTAMPTZ(3);

-- Filled from the events while the B-tree that finds them is still there.
UPDATE "audit_event_daily" d SET "last_at" = (
  SELECT max(e."occurred_at") FROM "audit_events" e
  WHERE e."action" = d."action"
    AND e."occurred_at" >= d."day"::timestamp AT TIME ZONE 'UTC'
    AND e."occurred_at" < (d."day" + 1)::timestamp AT TIME ZONE 'UTC');

-- DropIndex
DROP INDEX "audit_events_action_occurred_at_idx";

-- DropIndex
DROP INDEX "audit_events_dedupe_key_key";

-- CreateIndex
-- autosummarize: PostgreSQL's autovacuum summarises each block range as it fills. PGlite has no
-- autovacuum: the population query summarises what is new first (population.ts).
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events" USING BRIN ("occurred_at") WITH (autosummarize = on);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_dedupe_key_key" ON "audit_events"("dedupe_key") WHERE (dedupe_key IS NOT NULL);
