// What a control's coverage reports beside its occurrences: the uncovered intervals (consecutive
// uncovered occurrences merged) and the exceptions (failed runs, silences, open P0/P1 items).
import { DAY_MS, addDays, dayStart } from "@/lib/dates";
import type { Interval } from "./frequency";
import { dayText, formatInterval, intervalText } from "./texts";
import type {
  ControlCoverageInput,
  CoverageException,
  CoverageExpectation,
  Occurrence,
  UncoveredInterval,
} from "./types";

/** Consecutive uncovered occurrences with the same cause, as one interval. */
export function mergeUncovered(occ: Occurrence[]): UncoveredInterval[] {
  const out: (UncoveredInterval & { cause: string })[] = [];
  // Most uncovered occurrences share one notes array ("no evidence"): joined once for a run.
  let joined: readonly string[] | null = null;
  let cause = "";
  for (const o of occ) {
    if (o.state !== "uncovered") continue;
    if (o.notes !== joined) {
      joined = o.notes;
      cause = o.notes.join(", ");
    }
    const last = out[out.length - 1];
    if (last && last.end.getTime() === o.start.getTime() && last.cause === cause) last.end = o.end;
    else out.push({ start: o.start, end: o.end, cause, text: "" });
  }
  return out.map(({ start, end, cause }) => {
    const what = cause.replace(/^no /, "");
    return { start, end, text: `No ${what} ${formatInterval({ start, end })}` };
  });
}

export function exceptionsOf(
  c: ControlCoverageInput,
  period: Interval,
  window: Interval,
  silences: (Interval & { expectation: CoverageExpectation })[],
): CoverageException[] {
  const out: CoverageException[] = [];
  const windowStart = window.start.getTime();
  const windowEnd = window.end.getTime();
  const periodStart = period.start.getTime();
  for (const r of c.runDays) {
    const day = r.day.getTime();
    if (r.failingRuns > 0 && day >= windowStart && day < windowEnd)
      out.push({
        kind: "failed_run",
        start: r.day,
        end: addDays(r.day, 1),
        text: `${r.failingRuns} of ${r.runs} test run(s) on ${dayText(day)} had failing mapped tests`,
        link: { type: "run", id: r.runId },
      });
  }
  for (const s of silences)
    out.push({
      kind: "silence",
      start: s.start,
      end: s.end,
      text: `No \`${s.expectation.action}\` events ${formatInterval(s)} (silence tolerated: ${s.expectation.maxSilenceDays} days)`,
      link: { type: "expected", id: s.expectation.id },
    });
  for (const i of c.items) {
    // Open from its creation until it closed (or until today, still open), within the window.
    const opened = i.openedAt.getTime();
    const closed = i.closedAt ? i.closedAt.getTime() : windowEnd;
    if (!(opened < windowEnd && windowStart < closed)) continue;
    const start = dayStart(opened < periodStart ? periodStart : opened);
    const openAtWindowEnd = closed >= windowEnd;
    const end = openAtWindowEnd ? windowEnd : dayStart(closed) + DAY_MS;
    out.push({
      kind: "critical_item",
      start: new Date(start),
      end: openAtWindowEnd ? window.end : new Date(end),
      text: `${i.priority} backlog item ${i.key} "${i.title}" open ${intervalText(start, end)}${i.closedAt ? "" : " (still open)"}`,
      link: { type: "backlog", id: i.id },
    });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}
