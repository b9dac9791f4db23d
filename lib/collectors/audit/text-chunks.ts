// Pieces of COPY text joined into chunks of about a given size, so a stream of small pieces (one
// per piece of a request body) can be staged and moved a bounded chunk at a time.

/** The pieces `source` yields, joined into chunks of at least `bytes` characters (the last may be smaller). */
export async function* textChunks(
  source: AsyncIterable<string>,
  bytes: number,
): AsyncGenerator<string> {
  let parts: string[] = [];
  let size = 0;
  for await (const piece of source) {
    parts.push(piece);
    size += piece.length;
    if (size < bytes) continue;
    yield parts.join("");
    parts = [];
    size = 0;
  }
  if (size > 0) yield parts.join("");
}
