-- CreateEnum
CREATE TYPE "ControlFrequency" AS ENUM ('continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'annually', 'ad_hoc');

-- AlterTable
ALTER TABLE "controls" ADD COLUMN     "frequency" "ControlFrequency";
