// A control's coverage, kept with what it was computed from. After a change, the input pieces
// that did not move are the same objects, and within a reloaded piece so are the controls whose
// rows read the same (reuse-unchanged.ts): after one test run, one control's coverage is computed
// again and the others' are taken as they were — coverage was most of an evaluation (a year of
// data: about 15 of 20 ms, and most of the garbage it left).
import { coverageInput } from "@/lib/coverage/assemble";
import { computeCoverage } from "@/lib/coverage/coverage";
import type { Interval } from "@/lib/coverage/frequency";
import type { CoverageRecords } from "@/lib/coverage/load-records";
import type { ControlCoverage } from "@/lib/coverage/types";
import { startOfUtcDay } from "@/lib/dates";
import type { StatusControl } from "./load-controls";

interface Kept {
  periodStart: number;
  periodEnd: number;
  today: number;
  runDays: unknown;
  expected: unknown;
  items: unknown;
  coverage: ControlCoverage;
}

// Keyed on the control object, so it goes with it; a new load's control is a new key.
const kept = new WeakMap<StatusControl, Kept>();

/**
 * computeCoverage for the control over the period as of `now`, or the result of the last call
 * with the same control object, records (the same objects) and period on the same UTC day:
 * computeCoverage reads nothing else, and of `now` only its day.
 */
export function controlCoverage(
  control: StatusControl,
  records: CoverageRecords,
  period: Interval,
  now: Date,
): ControlCoverage {
  const runDays = records.runDays.get(control.id);
  const expected = records.expected.get(control.id);
  const items = records.items.get(control.id);
  const today = startOfUtcDay(now).getTime();
  const last = kept.get(control);
  if (
    last &&
    last.today === today &&
    last.periodStart === period.start.getTime() &&
    last.periodEnd === period.end.getTime() &&
    last.runDays === runDays &&
    last.expected === expected &&
    last.items === items
  )
    return last.coverage;
  const coverage = computeCoverage(coverageInput(control, control.evidence, records), {
    period,
    now,
  });
  kept.set(control, {
    periodStart: period.start.getTime(),
    periodEnd: period.end.getTime(),
    today,
    runDays,
    expected,
    items,
    coverage,
  });
  return coverage;
}
