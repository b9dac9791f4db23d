-- No reader looks audit events up by time alone (the population and the latest event of an
-- action use ("action", "occurred_at")), so every push paid for this index for nothing.
-- DropIndex
DROP INDEX "audit_events_occurred_at_idx";

-- Hand-edited: Prisma would drop the column and add it again, losing every stored key (and with
-- them the guarantee that a record pushed again is not stored twice). The keys are converted in
-- place instead: the 64 hex digits of a SHA-256 become its 32 bytes; the unique index is rebuilt
-- by the type change. Every writer stores hex SHA-256 keys; anything else (none is expected) is
-- hashed, which keeps distinct keys distinct.
-- AlterTable
ALTER TABLE "audit_events" ALTER COLUMN "dedupe_key" TYPE BYTEA USING (
  CASE
    WHEN "dedupe_key" ~ '^[0-9a-f]{64}$' THEN decode("dedupe_key", 'hex')
    ELSE sha256(convert_to("dedupe_key", 'UTF8'))
  END
);
