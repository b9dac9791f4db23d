import type { Tx } from "@/lib/db/tx";
import { DAY_MS, isoDay } from "@/lib/dates";
import type { Signal } from "./types";

export interface AuditSignals {
  signals: Map<string, Signal[]>;
  /** The first instant after `now` at which a type still within its tolerance goes silent. */
  changesAt: Date | null;
}

/** An expectation with the latest event of its action. */
export interface ExpectedLast {
  id: string;
  controlId: string;
  action: string;
  maxSilenceDays: number;
  last: Date | null;
}

/**
 * The expectations with the latest event of each action, in one query: read from the daily
 * counts (the latest of each day, kept by every writer of events), a few hundred rows per action
 * and year, however many events there are. Independent of `now`, so it can be kept until the
 * audit part's data version moves (status-inputs.ts).
 */
export function loadExpectedLast(prisma: Tx): Promise<ExpectedLast[]> {
  return prisma.$queryRaw<ExpectedLast[]>`
    SELECT x."id"::text, x."control_id"::text AS "controlId", x."action",
           x."max_silence_days" AS "maxSilenceDays", l.last
    FROM "expected_events" x
    JOIN (
      SELECT a.action,
             (SELECT max(d."last_at") FROM "audit_event_daily" d WHERE d."action" = a.action) AS last
      FROM (SELECT DISTINCT "action" FROM "expected_events") a
    ) l ON l.action = x."action"
    ORDER BY x."created_at", x."id"`;
}

/** Expected event types that went silent longer than tolerated: the audit helper nobody calls. */
export function auditSignalsAt(expected: ExpectedLast[], now: Date): AuditSignals {
  const out = new Map<string, Signal[]>();
  if (expected.length === 0) return { signals: out, changesAt: null };
  let changesAt: number | null = null;
  for (const e of expected) {
    const last = e.last;
    if (last && now.getTime() - last.getTime() <= e.maxSilenceDays * DAY_MS) {
      // Silent from the first millisecond past the tolerance.
      const silentAt = last.getTime() + e.maxSilenceDays * DAY_MS + 1;
      if (changesAt === null || silentAt < changesAt) changesAt = silentAt;
      continue;
    }
    const text = last
      ? `No \`${e.action}\` events since ${isoDay(last)} (silence tolerated: ${e.maxSilenceDays} days)`
      : `No \`${e.action}\` events recorded at all (expected at least every ${e.maxSilenceDays} days)`;
    out.set(e.controlId, [
      ...(out.get(e.controlId) ?? []),
      {
        effect: "at_risk",
        text,
        source: { type: "signal", id: e.id, label: `expected ${e.action}` },
      },
    ]);
  }
  return { signals: out, changesAt: changesAt === null ? null : new Date(changesAt) };
}
