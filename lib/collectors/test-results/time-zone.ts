// JUnit timestamps usually carry no zone ("2026-11-30T14:05:00"). They are read in the zone of
// the source that sent them (UTC unless configured), never in the server's own local zone,
// which would shift a run by hours depending on where Trustboard happens to run.

const STAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** True when `zone` is an IANA zone name (or UTC) the runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at the instant `utcMs`, in milliseconds. */
function offsetAt(zone: string, utcMs: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utcMs))) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a wall-clock time (given as if it were UTC) denotes in `zone`. */
function wallTimeIn(zone: string, wallMs: number): number {
  const first = wallMs - offsetAt(zone, wallMs);
  // A second look settles times near a daylight-saving change.
  return wallMs - offsetAt(zone, first);
}

/**
 * A JUnit timestamp as an instant: an explicit zone (Z, "UTC", +02:00) wins; without one the
 * wall-clock time is read in `zone`. Null for anything that is not such a timestamp.
 */
export function parseTimestamp(value: string, zone = "UTC"): Date | null {
  const m = STAMP.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    ms,
  );
  if (Number.isNaN(wall)) return null;
  // Date.UTC rolls 2026-02-31 over into March: such a date is not a timestamp.
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return null;
  let at: number;
  if (!tz) at = wallTimeIn(zone, wall);
  else if (/^(z|utc|gmt)$/i.test(tz)) at = wall;
  else {
    const sign = tz.startsWith("-") ? -1 : 1;
    const digits = tz.slice(1).replace(":", "");
    const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
    at = wall - sign * offset;
  }
  const year = new Date(at).getUTCFullYear();
  return year >= 1970 && year <= 9999 ? new Date(at) : null;
}
