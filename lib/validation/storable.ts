// What PostgreSQL refuses to store, checked before it gets the chance: a refused value must be a
// 400 naming the field and line, not a failed statement (a 500) half-way through an import.
import { INT4_MAX } from "./params";

/** The path of the first string (or object key) in `value` for which `bad` holds, or null. */
function badTextPath(value: unknown, bad: (s: string) => boolean, path = ""): string | null {
  if (typeof value === "string") return bad(value) ? path || "(value)" : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = badTextPath(v, bad, `${path}[${i}]`);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const key = path ? `${path}.${k}` : k;
      if (bad(k)) return key.replaceAll("\u0000", "\\0");
      const hit = badTextPath(v, bad, key);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** The path of the first string (or object key) in `value` holding a NUL character, or null. */
export const nulPath = (value: unknown): string | null =>
  badTextPath(value, (s) => s.includes("\u0000"));

/** Half of a UTF-16 surrogate pair without its other half. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (or object key) in `value` holding half of a surrogate pair, or
 * null. JSON can spell one as an escape ("\\ud800"); PostgreSQL refuses it in JSON.
 */
export const unpairedSurrogatePath = (value: unknown): string | null =>
  badTextPath(value, (s) => SURROGATE.test(s) && UNPAIRED_SURROGATE.test(s));

/** Any surrogate: a cheap test first, as nearly every string has none (no lookaround). */
const SURROGATE = /[\uD800-\uDFFF]/;

/** A NUL character or half of a surrogate pair, everywhere in a string. */
const UNSTORABLE_CHARS = new RegExp(`\\u0000|${UNPAIRED_SURROGATE.source}`, "g");

/** NUL or any surrogate: a cheap test first, as nearly every string has neither. */
const MAYBE_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

/** `s` with each NUL character and each half of a surrogate pair as U+FFFD. */
export const replaceUnstorable = (s: string): string =>
  MAYBE_UNSTORABLE.test(s) ? s.replace(UNSTORABLE_CHARS, "\uFFFD") : s;

/**
 * Plain JSON data with replaceUnstorable applied to every string and object key. A key that then
 * equals another key of its object gets "#2", "#3"… so that no value is lost.
 */
export function replaceUnstorableJson(value: unknown): unknown {
  if (typeof value === "string") return replaceUnstorable(value);
  if (Array.isArray(value)) return value.map(replaceUnstorableJson);
  if (typeof value !== "object" || value === null) return value;
  const kept: [string, unknown][] = [];
  const replaced: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    const key = replaceUnstorable(k);
    (key === k ? kept : replaced).push([key, replaceUnstorableJson(v)]);
  }
  // Unchanged keys keep their names; a replaced key yields to them. fromEntries, not assignment:
  // a key "__proto__" stays a key.
  const names = new Set(kept.map(([k]) => k));
  for (const entry of replaced) {
    let key = entry[0];
    for (let n = 2; names.has(key); n++) key = `${entry[0]}#${n}`;
    names.add(key);
    kept.push([key, entry[1]]);
  }
  return Object.fromEntries(kept);
}

/**
 * At most the first `max` UTF-16 units of `s`, one fewer when the cut would keep half of a
 * surrogate pair (which would be stored as U+FFFD, a character the source never had).
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** How a refusal names what unpairedSurrogatePath finds. */
export const UNPAIRED_SURROGATE_MESSAGE =
  "contains an unpaired surrogate (half of a UTF-16 pair, not a character).";

/** Times Trustboard stores: 1970 to the end of 9999 (beyond, dates no longer print as ISO). */
export const TIME_MIN = Date.UTC(1970, 0, 1);
export const TIME_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** An instant in epoch milliseconds Trustboard stores (NaN is not one). */
export const isStorableMs = (ms: number): boolean => ms >= TIME_MIN && ms <= TIME_MAX;

export const isStorableTime = (d: Date): boolean => isStorableMs(d.getTime());

/** Fits a PostgreSQL integer column (durations in milliseconds, counts). */
export const isStorableInt = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= INT4_MAX;
