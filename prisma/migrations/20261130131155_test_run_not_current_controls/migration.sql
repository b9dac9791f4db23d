-- AlterTable
ALTER TABLE "test_runs" ADD COLUMN     "not_current_controls" UUID[] DEFAULT ARRAY[]::UUID[];

-- Hand-written: the runs already stored. A token's run kept out of a control's coverage got an
-- automated evidence row for that control in review with the reason; a run not current at all
-- is left out for every control it maps to.
UPDATE "test_runs" r SET "not_current_controls" = coalesce((
  SELECT array_agg(DISTINCT ec."control_id")
  FROM "evidence" e JOIN "evidence_controls" ec ON ec."evidence_id" = e."id"
  WHERE e."test_run_id" = r."id" AND e."not_current_reason" IS NOT NULL
), ARRAY[]::UUID[]);
