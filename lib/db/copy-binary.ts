// Rows in PostgreSQL's binary COPY format. On PGlite, PostgreSQL runs as WebAssembly on V8's
// baseline compiler (lib/db/open.ts) while this JavaScript is optimised: reading a uuid as 16
// bytes instead of parsing 36 characters, an array without parsing its braces, took about a fifth
// off a 10,000-case COPY there (docs/performance-log.md, 2026-12-02).
// Format: https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4

/** Signature, flags (no OIDs) and header extension length. */
export const COPY_BINARY_HEADER = Uint8Array.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
/** A field count of -1 ends the data. */
export const COPY_BINARY_TRAILER = Uint8Array.from([0xff, 0xff]);

const UUID_OID = 2950;
/** Longer values go to Buffer's encoder at once, which is faster for them. */
const ASCII_LOOP_MAX = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid's 16 bytes; refuses anything else, as PostgreSQL's uuid input would. */
export function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`Not a uuid: ${JSON.stringify(id.slice(0, 40))}`);
  return Buffer.from(id.replaceAll("-", ""), "hex");
}

/** A uuid[] value (length word included): one dimension from 1, no nulls; `{}` has none. */
export function uuidArrayField(ids: readonly string[]): Buffer {
  const head = ids.length ? 20 : 12;
  const out = Buffer.alloc(4 + head + ids.length * 20);
  out.writeInt32BE(head + ids.length * 20, 0);
  out.writeInt32BE(ids.length ? 1 : 0, 4);
  out.writeInt32BE(0, 8);
  out.writeInt32BE(UUID_OID, 12);
  if (ids.length) {
    out.writeInt32BE(ids.length, 16);
    out.writeInt32BE(1, 20);
  }
  ids.forEach((id, i) => uuidField(id).copy(out, 4 + head + i * 20));
  return out;
}

/**
 * Tuples written one field at a time into a growing buffer; `take()` returns what was written
 * since the last take (no header or trailer: the runner adds them per COPY statement).
 */
export class BinaryRows {
  private buf = Buffer.allocUnsafe(64 * 1024);
  private at = 0;

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  row(fields: number): this {
    this.room(2);
    this.at = this.buf.writeInt16BE(fields, this.at);
    return this;
  }

  /**
   * Text as UTF-8; null as SQL NULL. NUL, which PostgreSQL cannot store in text, becomes U+FFFD
   * (as in COPY text, copy-batch.ts); half a surrogate pair becomes U+FFFD in the encoding.
   */
  text(v: string | null): this {
    if (v === null) return this.nul();
    const s = v.includes("\0") ? v.replaceAll("\0", "\uFFFD") : v;
    this.room(4 + s.length * 3);
    const buf = this.buf;
    const start = this.at + 4;
    // Most values are short and ASCII: copied here, without a call into Buffer's encoder per value.
    let i = 0;
    if (s.length <= ASCII_LOOP_MAX)
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + i] = c;
      }
    const bytes = i === s.length ? i : i + buf.write(s.slice(i), start + i, "utf8");
    buf.writeInt32BE(bytes, this.at);
    this.at = start + bytes;
    return this;
  }

  bool(v: boolean): this {
    this.room(5);
    this.at = this.buf.writeInt32BE(1, this.at);
    this.at = this.buf.writeUInt8(v ? 1 : 0, this.at);
    return this;
  }

  /** An int4 (storable-run.ts refuses others first; Buffer refuses a value beyond int4). */
  int4(v: number): this {
    if (!Number.isInteger(v)) throw new RangeError(`Not an integer: ${v}`);
    this.room(8);
    this.at = this.buf.writeInt32BE(4, this.at);
    this.at = this.buf.writeInt32BE(v, this.at);
    return this;
  }

  /** A field already encoded with its length word (a uuid, an array), reused across rows. */
  raw(field: Uint8Array): this {
    this.room(field.length);
    this.buf.set(field, this.at);
    this.at += field.length;
    return this;
  }

  nul(): this {
    this.room(4);
    this.at = this.buf.writeInt32BE(-1, this.at);
    return this;
  }

  take(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.at);
    out.set(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }
}

/** A uuid field (length word included), for a value written on many rows. */
export function uuidField(id: string): Buffer {
  const out = Buffer.alloc(20);
  out.writeInt32BE(16, 0);
  uuidBytes(id).copy(out, 4);
  return out;
}
