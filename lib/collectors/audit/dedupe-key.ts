// The de-duplication key of an audit record: 16 bytes, stored as a uuid (32 hex digits here).
// - Bytes 0–5: the first 14 digits of the record's time value as written (padded with zeros; a
//   JSON number by JavaScript's shortest form of it), a number that grows with time for any one
//   way of writing it. Audit logs arrive in time order, so a push's keys land on neighbouring
//   pages of the unique index instead of one random page each: on PostgreSQL that was most of
//   what storing a pushed event cost (issue 15).
// - Bytes 6–15: the first 10 bytes of the SHA-256 of the record's canonical JSON.
// Both come from the record's text alone, not from how this version reads its time, so the same
// record has the same key on every version and every server (whatever its time zone).
import { hash } from "node:crypto";
import { canonicalJson } from "@/lib/activity/chain";

/** The 12 hex digits of the time part: the first 14 decimal digits of the time as written. */
function timePart(timeText: string): string {
  let digits = "";
  for (let i = 0; i < timeText.length && digits.length < 14; i++) {
    const c = timeText.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += timeText[i];
  }
  // At most 99,999,999,999,999 < 2^47: exact as a number, 12 hex digits.
  return Number(digits.padEnd(14, "0")).toString(16).padStart(12, "0");
}

/** The key of a record: its canonical JSON and its time value as written. */
export function dedupeKeyOf(canonical: string, timeText: string): string {
  // One-shot hash: the same digest as createHash().update().digest(), without the Hash object.
  return timePart(timeText) + hash("sha256", canonical, "hex").slice(0, 20);
}

/** The key of a parsed record (its time value as written given): as dedupeKeyOf(canonicalJson). */
export function recordKey(record: Record<string, unknown>, timeText: string): string {
  return dedupeKeyOf(canonicalRecord(record), timeText);
}

/**
 * canonicalJson (the de-duplication key's input) for a parsed record: the same text, without
 * the intermediate arrays for the flat records an audit log is mostly made of.
 */
function canonicalRecord(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = record[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${quotedKey(k)}:${v !== null && typeof v === "object" ? canonicalJson(v) : JSON.stringify(v)}`;
  }
  return `${out}}`;
}

/** JSON.stringify of a key: an export repeats the same few keys on every line. */
const QUOTED_KEYS = new Map<string, string>();
function quotedKey(k: string): string {
  let q = QUOTED_KEYS.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    // Bounded: a hostile body with a new key on every line must not grow the map without end.
    if (QUOTED_KEYS.size < 1_000) QUOTED_KEYS.set(k, q);
  }
  return q;
}

/**
 * The form keys had before (migration audit_dedupe_key_uuid): the first 16 bytes of the SHA-256.
 * Its first 10 bytes are the new key's last 10, which is how a push finds it (ingest.ts).
 */
export function legacyKeyOf(canonical: string): string {
  return hash("sha256", canonical, "hex").slice(0, 32);
}
