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
import type { RecordShape } from "./record-shape";

/** The 12 hex digits of the time part: the first 14 decimal digits of the time as written. */
function timePart(timeText: string): string {
  let n = 0;
  let digits = 0;
  for (let i = 0; i < timeText.length && digits < 14; i++) {
    const c = timeText.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    }
  }
  // Padded with zeros to 14 digits. At most 99,999,999,999,999 < 2^47: exact as a number, and
  // 12 hex digits.
  for (; digits < 14; digits++) n *= 10;
  // Byte by byte from a table: Number#toString(16) of a number past 2^31 is several times slower.
  const hi = Math.floor(n / 0x1000000);
  const lo = n - hi * 0x1000000;
  return (
    HEX[hi >>> 16]! +
    HEX[(hi >>> 8) & 255]! +
    HEX[hi & 255]! +
    HEX[lo >>> 16]! +
    HEX[(lo >>> 8) & 255]! +
    HEX[lo & 255]!
  );
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The key of a record: its canonical JSON and its time value as written. */
export function dedupeKeyOf(canonical: string, timeText: string): string {
  // One-shot hash: the same digest as createHash().update().digest(), without the Hash object.
  return timePart(timeText) + hash("sha256", canonical, "hex").slice(0, 20);
}

/** A parsed record's key, and its metadata as JSON (null when it has none). */
export interface KeyAndMetadata {
  key: string;
  metadataJson: string | null;
}

/**
 * The key of a parsed record of this shape (its time value as written given), and the JSON
 * object of its metadata. Each value is written to JSON once, for both: the metadata's members
 * are the canonical JSON's, in its order, which jsonb ignores.
 */
export function keyAndMetadata(
  record: Record<string, unknown>,
  shape: RecordShape,
  timeText: string,
): KeyAndMetadata {
  // canonicalJson (the key's input) without its intermediate arrays, for the flat records an
  // audit log is mostly made of.
  const { sorted, metadata: isMetadata } = shape;
  let canonical = "{";
  let metadata = "{";
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i]!;
    const v = record[k];
    if (v === undefined) continue;
    const member = `${quotedKey(k)}:${v !== null && typeof v === "object" ? canonicalJson(v) : JSON.stringify(v)}`;
    canonical += canonical.length > 1 ? `,${member}` : member;
    if (isMetadata[i]) metadata += metadata.length > 1 ? `,${member}` : member;
  }
  return {
    key: dedupeKeyOf(`${canonical}}`, timeText),
    metadataJson: metadata.length > 1 ? `${metadata}}` : null,
  };
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
