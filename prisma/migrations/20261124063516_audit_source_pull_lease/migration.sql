-- AlterTable
ALTER TABLE "audit_sources" ADD COLUMN     "pull_lease_until" TIMESTAMPTZ(3);
