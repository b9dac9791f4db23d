// Reads one bytea value from PostgreSQL as raw bytes, chunk by chunk, with `COPY (query) TO
// STDOUT (FORMAT binary)`. node-postgres receives query results as text only — a bytea arrives as
// hex, twice its size, assembled into one message buffer (grown by doubling) and one string per
// value before it is decoded — which, for the audit package's 1 GB of evidence, produced so much
// short-lived native memory that the packaging process's RSS grew with the number of files.
// COPY's data is handed over as the socket delivers it, paused while the consumer is busy.
import type { Pool } from "pg";
import { to as copyToStdout } from "pg-copy-streams";
import { watchConnection } from "./connection-errors";

/** PostgreSQL's binary COPY header: signature, flags (int32), header extension length (int32). */
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER = SIGNATURE.length + 8;

export interface ByteaResult {
  /** false when the query returned no row or a NULL value. */
  found: boolean;
}

/**
 * The bytes of the single bytea column of the first row in a binary COPY stream (`result.found`
 * tells whether there was one); a stream of another shape throws.
 */
export async function* byteaFromBinaryCopy(
  chunks: AsyncIterable<Buffer>,
  result: ByteaResult,
): AsyncGenerator<Buffer> {
  result.found = false;
  // Bytes of the header, tuple header or trailer still being gathered (at most a few dozen).
  let head = Buffer.alloc(0);
  let state: "header" | "tuple" | "length" | "data" | "trailer" | "end" = "header";
  let remaining = 0;
  for await (const incoming of chunks) {
    let chunk = incoming;
    while (chunk.length > 0) {
      if (state === "end") throw new Error("Unexpected bytes after the binary COPY trailer.");
      if (state === "data") {
        const n = Math.min(remaining, chunk.length);
        if (n > 0) yield chunk.subarray(0, n);
        remaining -= n;
        chunk = chunk.subarray(n);
        if (remaining === 0) state = "trailer";
        continue;
      }
      const need = state === "header" ? HEADER : state === "length" ? 4 : 2;
      const take = Math.min(need - head.length, chunk.length);
      head = Buffer.concat([head, chunk.subarray(0, take)]);
      chunk = chunk.subarray(take);
      if (head.length < need) continue;
      if (state === "header") {
        if (!head.subarray(0, SIGNATURE.length).equals(SIGNATURE))
          throw new Error("Not a binary COPY stream.");
        state = "tuple";
      } else if (state === "tuple") {
        const fields = head.readInt16BE(0);
        if (fields !== -1 && fields !== 1) throw new Error(`Expected one column, got ${fields}.`);
        state = fields === -1 ? "end" : "length"; // -1: the trailer straight away, no row
      } else if (state === "length") {
        const length = head.readInt32BE(0);
        result.found = length !== -1; // -1: NULL
        remaining = Math.max(length, 0);
        state = remaining > 0 ? "data" : "trailer";
      } else {
        // After the one row only the trailer may follow.
        if (head.readInt16BE(0) !== -1) throw new Error("Expected a single row.");
        state = "end";
      }
      head = Buffer.alloc(0);
    }
  }
  if (state !== "end") throw new Error("The binary COPY stream ended early.");
}

/**
 * `query` is inlined into COPY, which takes no parameters: it must hold no untrusted text. The
 * connection is held until the value has been read or the consumer stops.
 */
export async function* copyBytea(
  pool: Pool,
  query: string,
  result: ByteaResult,
): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  const connection = watchConnection(client);
  let healthy = false;
  try {
    const stream = client.query(copyToStdout(`COPY (${query}) TO STDOUT (FORMAT binary)`));
    // Read to the end of the stream, so the connection returns to the pool idle.
    yield* byteaFromBinaryCopy(stream, result);
    healthy = true;
  } finally {
    // A consumer that stopped early leaves the COPY unfinished: that connection is discarded.
    connection.stop();
    client.release(!healthy || connection.broken());
  }
}
