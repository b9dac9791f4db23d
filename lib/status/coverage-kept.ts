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

// Keyed on the control object, so it goes with it; a new load's control is a new key. With it,
// what else the coverage was computed from: [today, period start, period end, run days,
// expected events, items], compared element by element.
const kept = new WeakMap<StatusControl, { from: unknown[]; coverage: ControlCoverage }>();

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
  const from = [
    startOfUtcDay(now).getTime(),
    period.start.getTime(),
    period.end.getTime(),
    records.runDays.get(control.id),
    records.expected.get(control.id),
    records.items.get(control.id),
  ];
  const last = kept.get(control);
  if (last && from.every((x, i) => x === last.from[i])) return last.coverage;
  const coverage = computeCoverage(coverageInput(control, control.evidence, records), {
    period,
    now,
  });
  kept.set(control, { from, coverage });
  return coverage;
}
