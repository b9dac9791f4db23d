// How often a control operates, and how an audit period splits into its occurrences. Pure and
// client-safe: forms, the coverage computation and the sample suggestion share it.
import type { ControlFrequency } from "@/lib/generated/prisma/enums";

export type Frequency = ControlFrequency;

export const FREQUENCIES: Frequency[] = [
  "continuous",
  "daily",
  "weekly",
  "monthly",
  "quarterly",
  "annually",
  "ad_hoc",
];

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  continuous: "Continuous (many times a day)",
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annually: "Annually",
  ad_hoc: "Ad hoc (event-driven)",
};

/** The occurrence a label names in sentences ("23 weekly occurrences"). */
export const FREQUENCY_ADJECTIVE: Record<Frequency, string> = {
  continuous: "daily",
  daily: "daily",
  weekly: "weekly",
  monthly: "monthly",
  quarterly: "quarterly",
  annually: "yearly",
  ad_hoc: "ad hoc",
};

/** A half-open span of whole UTC days: [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/**
 * The first instant of the next occurrence after `at`. Daily and continuous controls operate per
 * UTC day, weekly per ISO week (Monday), monthly and quarterly per calendar month and quarter.
 * Annual occurrences run twelve months from the period start (`anchor`), since an audit period
 * rarely starts on 1 January and a calendar split would invent a second, tiny year.
 */
function nextBoundary(at: Date, frequency: Frequency, anchor: Date): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (frequency) {
    case "continuous":
    case "daily":
      return utc(y, m, d + 1);
    case "weekly":
      // getUTCDay: Sunday 0 … Saturday 6; days until the next Monday.
      return utc(y, m, d + ((8 - at.getUTCDay()) % 7 || 7));
    case "monthly":
      return utc(y, m + 1, 1);
    case "quarterly":
      return utc(y, m - (m % 3) + 3, 1);
    case "annually": {
      for (let k = 1; ; k++) {
        const next = addMonthsClamped(anchor, 12 * k);
        if (next > at) return next;
      }
    }
    case "ad_hoc":
      return new Date(8.64e15);
  }
}

/** `at` plus `months`, on the same day of the month or the last day of a shorter month (29 Feb → 28 Feb). */
export function addMonthsClamped(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = utc(y, m + 1, 0).getUTCDate();
  return utc(y, m, Math.min(at.getUTCDate(), lastDay));
}

/** The period split into occurrences of a frequency; the first and last are clipped to it. */
export function occurrences(period: Interval, frequency: Frequency): Interval[] {
  const out: Interval[] = [];
  for (let start = period.start; start < period.end;) {
    const boundary = nextBoundary(start, frequency, period.start);
    const end = boundary < period.end ? boundary : period.end;
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** Days between runs a frequency tolerates, to turn renewal intervals and silences into a frequency. */
export function frequencyForDays(days: number): Frequency {
  if (days <= 1) return "daily";
  if (days <= 7) return "weekly";
  if (days <= 31) return "monthly";
  if (days <= 92) return "quarterly";
  return "annually";
}

export interface FrequencyHints {
  /** Test runs mapped to the control exist (CI runs nightly or more often). */
  hasTestRuns: boolean;
  /** Tolerated silences of the audit events it expects, in days. */
  silenceDays: number[];
  /** Renewal intervals of its evidence (explicit renewal days, or expiry − evidence date). */
  renewalDays: number[];
}

/**
 * The frequency a control without an explicit one is held to: a nightly test run is daily; an
 * expected event stream as often as its silence tolerance; evidence renewed every 90 days is
 * quarterly. The most frequent hint wins, since the control must satisfy all its sources.
 */
export function deriveFrequency(h: FrequencyHints): Frequency {
  if (h.hasTestRuns) return "daily";
  const days = [...h.silenceDays, ...h.renewalDays].filter((d) => d > 0);
  if (days.length === 0) return "ad_hoc";
  return frequencyForDays(Math.min(...days));
}

/** Sample sizes of a common firm methodology; ad hoc controls go by population size instead. */
const SAMPLE_SIZE: Record<Exclude<Frequency, "ad_hoc">, number> = {
  annually: 1,
  quarterly: 2,
  monthly: 2,
  weekly: 5,
  daily: 25,
  continuous: 40,
};

/**
 * The suggested sample size for a control of this frequency. Ad hoc controls: 10% of the
 * population, at least 1 and at most 25 (and never more than the population).
 */
export function suggestedSampleSize(frequency: Frequency, population: number): number {
  const n =
    frequency === "ad_hoc"
      ? Math.min(25, Math.max(1, Math.ceil(population * 0.1)))
      : SAMPLE_SIZE[frequency];
  return Math.max(0, Math.min(n, population));
}

/**
 * The occurrences of a period per frequency, split once per period object: every control of a
 * status computation is judged over the same period, and the split allocated two Dates per
 * occurrence (thousands for a year of daily controls). The Dates are shared by those controls'
 * occurrences, which only read them. Weakly held: gone with the computation's period.
 */
export interface Split {
  intervals: Interval[];
  /** The intervals' bounds in epoch milliseconds, for the occurrence loop. */
  starts: number[];
  ends: number[];
}
const SPLITS = new WeakMap<Interval, Map<Frequency, Split>>();
export function periodSplit(period: Interval, frequency: Frequency): Split {
  let byFrequency = SPLITS.get(period);
  if (!byFrequency) SPLITS.set(period, (byFrequency = new Map()));
  let split = byFrequency.get(frequency);
  if (!split) {
    const intervals = occurrences(period, frequency);
    split = {
      intervals,
      starts: intervals.map((o) => o.start.getTime()),
      ends: intervals.map((o) => o.end.getTime()),
    };
    byFrequency.set(frequency, split);
  }
  return split;
}
