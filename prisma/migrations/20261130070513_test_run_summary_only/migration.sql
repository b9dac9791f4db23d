-- AlterTable
ALTER TABLE "test_runs" ADD COLUMN     "summary_only" TEXT[] DEFAULT ARRAY[]::TEXT[];
