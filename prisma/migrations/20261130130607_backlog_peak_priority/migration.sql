-- AlterTable
ALTER TABLE "backlog_items" ADD COLUMN     "peak_priority" "BacklogPriority" NOT NULL DEFAULT 'P3';

-- Hand-written: the highest priority an item has held (issue 10, segregation of duties). The
-- two-person closure of P0/P1 items reads it, so lowering the priority first cannot dodge it.
-- The enum's order is P0 < P1 < P2 < P3, so LEAST and min give the highest priority.

-- The items already stored: their current priority, or a higher one their recorded history shows
-- (the activity log keeps the priority given at creation and before and after every edit).
UPDATE "backlog_items" b SET "peak_priority" = LEAST(b."priority", coalesce((
  SELECT min(CASE WHEN p."text" IN ('P0', 'P1', 'P2', 'P3') THEN p."text"::"BacklogPriority" END)
  FROM "activity" a
  CROSS JOIN LATERAL (VALUES (a."before" ->> 'priority'), (a."after" ->> 'priority')) AS p("text")
  WHERE a."entity_type" = 'backlog_item' AND a."entity_id" = b."id"::text
    AND a."action" IN ('backlog.create', 'backlog.update')
), b."priority"));

-- From now on a trigger keeps it for every writer (forms, collectors, the demo, raw SQL): an
-- insert starts from the item's priority, an update can only raise it (a value written to the
-- column itself is ignored).
CREATE FUNCTION "backlog_items_keep_peak_priority"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."peak_priority" := NEW."priority";
  ELSE
    NEW."peak_priority" := LEAST(OLD."peak_priority", NEW."priority");
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "backlog_items_peak_priority" BEFORE INSERT OR UPDATE ON "backlog_items"
  FOR EACH ROW EXECUTE FUNCTION "backlog_items_keep_peak_priority"();
