// Texts the coverage computation repeats thousands of times, each built once: isoDay of the few
// hundred days a period has (exception texts and heat-map cells name them), "12 test run(s)" and
// the like in occurrence notes. Pure memos of formatting, bounded, so nothing stale can be read
// from them (strings are immutable: sharing one is invisible to callers).
import { DAY_MS, isoDay } from "@/lib/dates";
import type { Interval } from "./frequency";

const TEXTS_KEPT = 10_000;

export function memoText(memo: Map<number, string>, key: number, make: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= TEXTS_KEPT) memo.clear();
    text = make();
    memo.set(key, text);
  }
  return text;
}

const DAY_TEXT = new Map<number, string>();
/** isoDay of an instant in epoch milliseconds. */
export const dayText = (t: number) => memoText(DAY_TEXT, t, () => isoDay(new Date(t)));

/** formatInterval of [start, end) in epoch milliseconds. */
export function intervalText(start: number, end: number): string {
  const last = end - DAY_MS;
  return last <= start ? dayText(start) : `${dayText(start)} – ${dayText(last)}`;
}

/** "2026-08-03 – 2026-09-14" for a half-open interval of days (the end shown inclusive). */
export function formatInterval(i: Interval): string {
  return intervalText(i.start.getTime(), i.end.getTime());
}
