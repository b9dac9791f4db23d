// Pieces of COPY text gathered into chunks of about a given size, so a stream of small pieces
// (one per piece of a request body) can be staged and moved a bounded chunk at a time. Each
// piece is encoded to UTF-8 at once: the bytes live outside the JavaScript heap, and the piece's
// strings (a rope of thousands of small ones) die young instead of being kept — and promoted to
// the old generation, measured at twice the server's CPU per event — until the chunk is full.

/**
 * The pieces `source` yields as UTF-8, in chunks of at least `bytes` bytes (the last may be
 * smaller); the first chunk of at least `first` bytes, the size doubled for each next one, up to
 * `bytes`.
 */
export async function* copyChunks(
  source: AsyncIterable<string>,
  bytes: number,
  first = bytes,
): AsyncGenerator<Buffer<ArrayBuffer>> {
  let parts: Buffer[] = [];
  let size = 0;
  let target = Math.max(1, Math.min(first, bytes));
  for await (const piece of source) {
    // A turn of the event loop per piece: the database's replies and the COPY being written
    // while this chunk is produced are handled as they come, not once the chunk is full.
    await new Promise((resolve) => setImmediate(resolve));
    const b = Buffer.from(piece, "utf8");
    parts.push(b);
    size += b.length;
    if (size < target) continue;
    yield Buffer.concat(parts, size);
    parts = [];
    size = 0;
    target = Math.min(target * 2, bytes);
  }
  if (size > 0) yield Buffer.concat(parts, size);
}
