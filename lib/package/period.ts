// A package's period: whole UTC days, first and last included.
import { endOfIsoDay, isoDay, parseIsoDay } from "@/lib/dates";
import { invalid } from "@/lib/errors";
import type { PackagePeriod } from "./types";

export function periodBounds(period: PackagePeriod): { start: Date; end: Date } {
  const start = parseIsoDay(period.from);
  const end = endOfIsoDay(period.to);
  if (!start) throw invalid("The first day must be a date (YYYY-MM-DD).", "from");
  if (!end) throw invalid("The last day must be a date (YYYY-MM-DD).", "to");
  if (end <= start) throw invalid("The period must end on or after its first day.", "to");
  return { start, end };
}

/** The requested period, else the workspace's audit period, else the last 365 days to today. */
export function resolvePeriod(
  requested: { from?: string; to?: string },
  workspace: { auditPeriodStart: Date | null; auditPeriodEnd: Date | null },
  now: Date,
): PackagePeriod {
  const fallbackTo = workspace.auditPeriodEnd ? isoDay(workspace.auditPeriodEnd) : isoDay(now);
  const fallbackFrom = workspace.auditPeriodStart
    ? isoDay(workspace.auditPeriodStart)
    : isoDay(new Date(now.getTime() - 364 * 86_400_000));
  const period = { from: requested.from || fallbackFrom, to: requested.to || fallbackTo };
  periodBounds(period);
  return period;
}
