// Did a control operate in each occurrence of the audit period? Pure: decided from dated records
// (evidence dates and covered periods, test runs, audit event days, backlog items' open spans).
//
// Occurrences before the control existed (created in Trustboard, or its earliest record if older)
// are not judged. An occurrence is covered by accepted evidence dated in it (or covering part of it) that had
// not expired when the occurrence began, by a mapped test run in it (passing or failing), or by
// the expected audit events being present. An expected event stream silent for longer than its
// tolerance makes the occurrences of that silence uncovered whatever else exists: the monitor saw
// nothing. A failed run or an open P0/P1 item during a covered occurrence makes it an exception.
import { DAY_MS, addDays, dayStart, startOfUtcDay } from "@/lib/dates";
import { periodSplit, type Interval } from "./frequency";
import { exceptionsOf, mergeUncovered } from "./findings";
import { memoText } from "./texts";
import type {
  ControlCoverage,
  ControlCoverageInput,
  CoverageContext,
  CoverageEvidence,
  CoverageExpectation,
  Occurrence,
} from "./types";

/** The first index whose value is ≥ t in an ascending array. */
function lowerBound(xs: number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const RUNS_NOTE = new Map<number, string>();
const FAILED_NOTE = new Map<number, string>();
const MORE_NOTE = new Map<number, string>();

export { formatInterval } from "./texts";

/**
 * Runs of days without events longer than the tolerated silence, inside `window`. A silence
 * still running today counts once it is longer than tolerated.
 */
export function silentIntervals(e: CoverageExpectation, window: Interval): Interval[] {
  const out: Interval[] = [];
  let from = window.start;
  const days = e.days.filter((d) => d >= window.start && d < window.end);
  for (const day of [...days, window.end]) {
    const gapDays = Math.round((day.getTime() - from.getTime()) / DAY_MS);
    if (gapDays > e.maxSilenceDays) out.push({ start: from, end: day });
    from = addDays(day, 1);
  }
  return out;
}

const countsAsRecord = (e: CoverageEvidence) => e.state === "accepted" || e.state === "expired";

/** An evidence item's days as epoch milliseconds, [start, end): its covered period or its date. */
function evidenceSpan(e: CoverageEvidence): [number, number] {
  const from = e.periodStart ?? e.evidenceDate;
  const to = e.periodEnd ?? e.evidenceDate;
  return [dayStart(from.getTime()), dayStart(to.getTime()) + DAY_MS];
}

/**
 * When the control began to exist for coverage: its creation in Trustboard, or its earliest dated
 * record if older (a control entered mid-period with last quarter's evidence existed then).
 */
function existedSince(c: ControlCoverageInput): Date {
  let t = dayStart(c.createdAt.getTime());
  for (const e of c.evidence) if (countsAsRecord(e)) t = Math.min(t, evidenceSpan(e)[0]);
  for (const r of c.runDays) t = Math.min(t, r.day.getTime());
  for (const e of c.expected) if (e.days.length > 0) t = Math.min(t, e.days[0]!.getTime());
  return new Date(t);
}

/** A silence with its action, in epoch milliseconds for the occurrence loop. */
interface SilenceSpan {
  start: number;
  end: number;
  action: string;
}

// The notes of occurrences without records, one array each, shared by every such occurrence
// (most occurrences of a year are among them; notes are read only).
const BEFORE_NOTES: readonly string[] = ["the control did not exist yet"];
const FUTURE_NOTES: readonly string[] = [];
const PENDING_NOTES: readonly string[] = ["under way, nothing recorded yet"];
const NO_EVIDENCE_NOTES: readonly string[] = ["no evidence"];

export function computeCoverage(c: ControlCoverageInput, ctx: CoverageContext): ControlCoverage {
  const today = startOfUtcDay(ctx.now);
  const todayMs = today.getTime();
  const tomorrow = addDays(today, 1);
  const created = existedSince(c);
  const createdMs = created.getTime();
  const window: Interval = {
    start: created > ctx.period.start ? created : ctx.period.start,
    end: tomorrow < ctx.period.end ? tomorrow : ctx.period.end,
  };
  const silences = c.expected.flatMap((e) =>
    window.start < window.end
      ? silentIntervals(e, window).map((s) => ({ ...s, expectation: e }))
      : [],
  );
  // Everything the occurrence loop compares is in epoch milliseconds (comparing Date objects
  // converts both on every test) and every note it names is built once, not per occurrence.
  const silenceSpans: SilenceSpan[] = silences.map((s) => ({
    start: s.start.getTime(),
    end: s.end.getTime(),
    action: s.expectation.action,
  }));
  // Records sorted by time, so each occurrence finds its own by binary search: a daily control
  // over a year has 365 occurrences and as many runs and evidence items.
  const spans = c.evidence
    .filter(countsAsRecord)
    .map((e) => {
      const [start, end] = evidenceSpan(e);
      const expires = e.expiresAt ? e.expiresAt.getTime() : Infinity;
      // Its note is built when an occurrence names it (most evidence covers few occurrences).
      return { start, end, expires, title: e.title, note: undefined as string | undefined };
    })
    .sort((a, b) => a.start - b.start);
  const spanStarts = spans.map((x) => x.start);
  let longestSpan = 0;
  for (const x of spans) longestSpan = Math.max(longestSpan, x.end - x.start);
  const itemOpened = c.items.map((i) => i.openedAt.getTime());
  const itemClosed = c.items.map((i) => (i.closedAt ? i.closedAt.getTime() : Infinity));
  const itemNotes: (string | undefined)[] = [];
  const runs = [...c.runDays].sort((a, b) => a.day.getTime() - b.day.getTime());
  const runTimes = runs.map((r) => r.day.getTime());
  const eventTimes = new Map(c.expected.map((x) => [x.action, x.days.map((d) => d.getTime())]));
  const eventNotes = c.expected.map((x) => `\`${x.action}\` events`);
  const hasEvents = (action: string, start: number, end: number) => {
    const times = eventTimes.get(action) ?? [];
    const i = lowerBound(times, start);
    return i < times.length && times[i]! < end;
  };
  const occ: Occurrence[] = [];
  let judged = 0;
  let operated = 0;
  // Occurrences ascend, so the first record each may see only moves forward: a cursor per record
  // list instead of a binary search per occurrence.
  let firstSpan = 0;
  let firstRun = 0;
  const split = periodSplit(ctx.period, c.frequency);
  for (let k = 0; k < split.intervals.length; k++) {
    const { start, end } = split.intervals[k]!;
    const oStart = split.starts[k]!;
    const oEnd = split.ends[k]!;
    if (oEnd <= createdMs) {
      occ.push({ start, end, state: "before", notes: BEFORE_NOTES });
      continue;
    }
    if (oStart > todayMs) {
      occ.push({ start, end, state: "future", notes: FUTURE_NOTES });
      continue;
    }
    judged++;
    // An expected stream silent beyond tolerance in this occurrence decides it, whatever else.
    let silentActions: Set<string> | null = null;
    // Indexed loops in the occurrence loop: no iterator per occurrence before it is optimised.
    for (let i = 0; i < silenceSpans.length; i++) {
      const s = silenceSpans[i]!;
      if (s.start < oEnd && oStart < s.end && !hasEvents(s.action, oStart, oEnd))
        (silentActions ??= new Set()).add(s.action);
    }
    if (silentActions) {
      occ.push({
        start,
        end,
        state: "uncovered",
        notes: [...silentActions].map((a) => `no \`${a}\` events`),
      });
      continue;
    }
    // Allocated at the first record found: most occurrences of a year have none.
    let notes: string[] | null = null;
    while (firstSpan < spans.length && spanStarts[firstSpan]! < oStart - longestSpan) firstSpan++;
    for (let i = firstSpan; i < spans.length && spanStarts[i]! < oEnd; i++) {
      const x = spans[i]!;
      if (x.start < oEnd && oStart < x.end && x.expires > oStart)
        (notes ??= []).push((x.note ??= `evidence "${x.title}"`));
    }
    let failed = 0;
    let ran = 0;
    while (firstRun < runs.length && runTimes[firstRun]! < oStart) firstRun++;
    for (let i = firstRun; i < runs.length && runTimes[i]! < oEnd; i++) {
      ran += runs[i]!.runs;
      failed += runs[i]!.failingRuns;
    }
    if (ran > 0) (notes ??= []).push(memoText(RUNS_NOTE, ran, () => `${ran} test run(s)`));
    for (let i = 0; i < c.expected.length; i++)
      if (hasEvents(c.expected[i]!.action, oStart, oEnd)) (notes ??= []).push(eventNotes[i]!);
    if (notes === null) {
      if (oEnd > todayMs) {
        judged--;
        occ.push({ start, end, state: "pending", notes: PENDING_NOTES });
      } else occ.push({ start, end, state: "uncovered", notes: NO_EVIDENCE_NOTES });
      continue;
    }
    operated++;
    if (failed > 0) notes.push(memoText(FAILED_NOTE, failed, () => `${failed} failing run(s)`));
    // Only the first three open items are named: count the rest (no list per occurrence).
    let openCount = 0;
    for (let i = 0; i < itemOpened.length; i++)
      if (itemOpened[i]! < oEnd && oStart < itemClosed[i]!) {
        if (openCount < 3)
          notes.push((itemNotes[i] ??= `open ${c.items[i]!.priority} ${c.items[i]!.key}`));
        openCount++;
      }
    const more = openCount - 3;
    if (more > 0) notes.push(memoText(MORE_NOTE, more, () => `and ${more} more open item(s)`));
    occ.push({ start, end, state: failed > 0 || openCount > 0 ? "exception" : "covered", notes });
  }
  return {
    controlId: c.id,
    frequency: c.frequency,
    derived: c.derived ?? false,
    occurrences: occ,
    judged,
    operated,
    percent: judged ? Math.floor((operated * 100) / judged) : null,
    uncovered: mergeUncovered(occ),
    exceptions: exceptionsOf(c, ctx.period, window, silences),
  };
}
