-- AlterTable
ALTER TABLE "audit_events" ALTER COLUMN "dedupe_key" DROP NOT NULL;
