// Did a control operate in each occurrence of the audit period? Pure: decided from dated records
// (evidence dates and covered periods, test runs, audit event days, backlog items' open spans).
//
// Occurrences before the control existed (created in Trustboard, or its earliest record if older)
// are not judged. An occurrence is covered by accepted evidence dated in it (or covering part of it) that had
// not expired when the occurrence began, by a mapped test run in it (passing or failing), or by
// the expected audit events being present. An expected event stream silent for longer than its
// tolerance makes the occurrences of that silence uncovered whatever else exists: the monitor saw
// nothing. A failed run or an open P0/P1 item during a covered occurrence makes it an exception.
import { DAY_MS, addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { occurrences, type Interval } from "./frequency";
import type {
  ControlCoverage,
  ControlCoverageInput,
  CoverageContext,
  CoverageException,
  CoverageExpectation,
  CoverageItem,
  Occurrence,
  UncoveredInterval,
} from "./types";

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

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

/** "2026-08-03 – 2026-09-14" for a half-open interval of days (the end shown inclusive). */
export function formatInterval(i: Interval): string {
  const last = addDays(i.end, -1);
  return last <= i.start ? isoDay(i.start) : `${isoDay(i.start)} – ${isoDay(last)}`;
}

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

function evidenceSpan(e: ControlCoverageInput["evidence"][number]): Interval {
  const from = e.periodStart ?? e.evidenceDate;
  const to = e.periodEnd ?? e.evidenceDate;
  return { start: startOfUtcDay(from), end: addDays(startOfUtcDay(to), 1) };
}

/**
 * When the control began to exist for coverage: its creation in Trustboard, or its earliest dated
 * record if older (a control entered mid-period with last quarter's evidence existed then).
 */
function existedSince(c: ControlCoverageInput): Date {
  const dates = [
    startOfUtcDay(c.createdAt),
    ...c.evidence
      .filter((e) => e.state === "accepted" || e.state === "expired")
      .map((e) => evidenceSpan(e).start),
    ...c.runDays.map((r) => r.day),
    ...c.expected.flatMap((e) => e.days.slice(0, 1)),
  ];
  return new Date(Math.min(...dates.map((d) => d.getTime())));
}

export function computeCoverage(c: ControlCoverageInput, ctx: CoverageContext): ControlCoverage {
  const today = startOfUtcDay(ctx.now);
  const tomorrow = addDays(today, 1);
  const created = existedSince(c);
  const window: Interval = {
    start: created > ctx.period.start ? created : ctx.period.start,
    end: tomorrow < ctx.period.end ? tomorrow : ctx.period.end,
  };
  const silences = c.expected.flatMap((e) =>
    window.start < window.end
      ? silentIntervals(e, window).map((s) => ({ ...s, expectation: e }))
      : [],
  );
  // Records sorted by time, so each occurrence finds its own by binary search: a daily control
  // over a year has 365 occurrences and as many runs and evidence items.
  const spans = c.evidence
    .filter((e) => e.state === "accepted" || e.state === "expired")
    .map((e) => ({ e, span: evidenceSpan(e) }))
    .sort((a, b) => a.span.start.getTime() - b.span.start.getTime());
  const spanStarts = spans.map((x) => x.span.start.getTime());
  const longestSpan = Math.max(
    0,
    ...spans.map((x) => x.span.end.getTime() - x.span.start.getTime()),
  );
  const itemSpans = c.items.map((i) => [
    i.openedAt.getTime(),
    i.closedAt ? i.closedAt.getTime() : Infinity,
  ]) as [number, number][];
  const runs = [...c.runDays].sort((a, b) => a.day.getTime() - b.day.getTime());
  const runTimes = runs.map((r) => r.day.getTime());
  const eventTimes = new Map(c.expected.map((x) => [x.action, x.days.map((d) => d.getTime())]));
  const hasEvents = (action: string, o: Interval) => {
    const times = eventTimes.get(action) ?? [];
    const i = lowerBound(times, o.start.getTime());
    return i < times.length && times[i]! < o.end.getTime();
  };
  const occ: Occurrence[] = occurrences(ctx.period, c.frequency).map((o) => {
    if (o.end <= created)
      return { ...o, state: "before", notes: ["the control did not exist yet"] };
    if (o.start > today) return { ...o, state: "future", notes: [] };
    const notes: string[] = [];
    const silentActions = new Set<string>();
    for (const s of silences)
      if (overlaps(s, o) && !hasEvents(s.expectation.action, o))
        silentActions.add(s.expectation.action);
    for (
      let i = lowerBound(spanStarts, o.start.getTime() - longestSpan);
      i < spans.length && spanStarts[i]! < o.end.getTime();
      i++
    ) {
      const { e, span } = spans[i]!;
      if (overlaps(span, o) && (!e.expiresAt || e.expiresAt > o.start))
        notes.push(`evidence "${e.title}"`);
    }
    let failed = 0;
    let ran = 0;
    for (
      let i = lowerBound(runTimes, o.start.getTime());
      i < runs.length && runTimes[i]! < o.end.getTime();
      i++
    ) {
      ran += runs[i]!.runs;
      failed += runs[i]!.failingRuns;
    }
    if (ran > 0) notes.push(`${ran} test run(s)`);
    for (const x of c.expected)
      if (!silentActions.has(x.action) && hasEvents(x.action, o))
        notes.push(`\`${x.action}\` events`);
    const oStart = o.start.getTime();
    const oEnd = o.end.getTime();
    // Only the first three open items are named: count the rest (no list per occurrence).
    const open: CoverageItem[] = [];
    let openCount = 0;
    for (let i = 0; i < itemSpans.length; i++)
      if (itemSpans[i]![0] < oEnd && oStart < itemSpans[i]![1] && openCount++ < 3)
        open.push(c.items[i]!);
    if (silentActions.size > 0)
      return {
        ...o,
        state: "uncovered",
        notes: [...silentActions].map((a) => `no \`${a}\` events`),
      };
    if (notes.length === 0)
      return o.end > today
        ? { ...o, state: "pending", notes: ["under way, nothing recorded yet"] }
        : { ...o, state: "uncovered", notes: ["no evidence"] };
    if (failed > 0) notes.push(`${failed} failing run(s)`);
    for (const i of open) notes.push(`open ${i.priority} ${i.key}`);
    if (openCount > 3) notes.push(`and ${openCount - 3} more open item(s)`);
    return { ...o, state: failed > 0 || openCount > 0 ? "exception" : "covered", notes };
  });
  const judged = occ.filter(
    (o) => o.state === "covered" || o.state === "exception" || o.state === "uncovered",
  );
  const operated = judged.filter((o) => o.state !== "uncovered").length;
  return {
    controlId: c.id,
    frequency: c.frequency,
    derived: c.derived ?? false,
    occurrences: occ,
    judged: judged.length,
    operated,
    percent: judged.length ? Math.floor((operated * 100) / judged.length) : null,
    uncovered: mergeUncovered(occ),
    exceptions: exceptionsOf(c, ctx.period, window, silences),
  };
}

/** Consecutive uncovered occurrences with the same cause, as one interval. */
function mergeUncovered(occ: Occurrence[]): UncoveredInterval[] {
  const out: (UncoveredInterval & { cause: string })[] = [];
  for (const o of occ) {
    if (o.state !== "uncovered") continue;
    const cause = o.notes.join(", ");
    const last = out[out.length - 1];
    if (last && last.end.getTime() === o.start.getTime() && last.cause === cause) last.end = o.end;
    else out.push({ start: o.start, end: o.end, cause, text: "" });
  }
  return out.map(({ start, end, cause }) => {
    const what = cause.replace(/^no /, "");
    return { start, end, text: `No ${what} ${formatInterval({ start, end })}` };
  });
}

function exceptionsOf(
  c: ControlCoverageInput,
  period: Interval,
  window: Interval,
  silences: (Interval & { expectation: CoverageExpectation })[],
): CoverageException[] {
  const out: CoverageException[] = [];
  for (const r of c.runDays)
    if (r.failingRuns > 0 && r.day >= window.start && r.day < window.end)
      out.push({
        kind: "failed_run",
        start: r.day,
        end: addDays(r.day, 1),
        text: `${r.failingRuns} of ${r.runs} test run(s) on ${isoDay(r.day)} had failing mapped tests`,
        link: { type: "run", id: r.runId },
      });
  for (const s of silences)
    out.push({
      kind: "silence",
      start: s.start,
      end: s.end,
      text: `No \`${s.expectation.action}\` events ${formatInterval(s)} (silence tolerated: ${s.expectation.maxSilenceDays} days)`,
      link: { type: "expected", id: s.expectation.id },
    });
  for (const i of c.items) {
    const span = { start: i.openedAt, end: i.closedAt ?? window.end };
    if (!overlaps(span, { start: window.start, end: window.end })) continue;
    const start = startOfUtcDay(span.start < period.start ? period.start : span.start);
    const end = span.end >= window.end ? window.end : addDays(startOfUtcDay(span.end), 1);
    out.push({
      kind: "critical_item",
      start,
      end,
      text: `${i.priority} backlog item ${i.key} "${i.title}" open ${formatInterval({ start, end })}${i.closedAt ? "" : " (still open)"}`,
      link: { type: "backlog", id: i.id },
    });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}
