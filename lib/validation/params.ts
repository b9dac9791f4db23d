// Route and page parameters are parsed, never trusted: whatever reaches the database has the
// shape and the range of its column, and anything else names nothing (a 404) or is ignored.

/** PostgreSQL's int4 and int8 upper bounds. */
export const INT4_MAX = 2_147_483_647;
export const INT8_MAX = 9_223_372_036_854_775_807n;

/** A whole number written in plain digits within [min, max], or null. */
export function parseIntParam(raw: unknown, min = 0, max = INT4_MAX): number | null {
  if (typeof raw !== "string" || !/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** A positive int8 cursor (an activity sequence number) written in digits, or null. */
export function parseBigintCursor(raw: unknown): bigint | null {
  if (typeof raw !== "string" || !/^\d{1,19}$/.test(raw)) return null;
  const n = BigInt(raw);
  return n > 0n && n <= INT8_MAX ? n : null;
}

/**
 * A path segment decoded once, or null when its %-escapes are not UTF-8. Next.js may hand a
 * segment over still encoded; decoding it again must not throw on a malformed escape.
 */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
