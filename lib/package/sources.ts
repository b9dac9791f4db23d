import "server-only";
// The two parts of a package too large to load at once, read from the database piece by piece:
// evidence file contents (one blob at a time) and the activity log (batches of rows).
import { createHash } from "node:crypto";
import type { SqlPool } from "@/lib/db/runners";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Read outside Prisma: its bytes path copies each value several times, which for large files
// costs both time and peak memory. PostgreSQL streams the value with a binary COPY; PGlite
// (in-process, bytes without a text detour) reads it a slice at a time.
const SLICE = 256 * 1024;

async function* slices(sql: SqlPool, file: { sha256: string; size: number }) {
  for (let offset = 0; offset < Math.max(file.size, 1); offset += SLICE) {
    const rows = await sql.transaction((q) =>
      q.query<{ slice: Uint8Array | null }>(
        `SELECT substring("content" FROM $1::int FOR $2::int) AS "slice" FROM "evidence_blobs" WHERE "sha256" = $3`,
        [offset + 1, SLICE, file.sha256],
      ),
    );
    const slice = rows[0]?.slice;
    if (!slice) return;
    yield Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength);
  }
}

/** Chunks of the blob's content; `result.found` is false when it has no content at all. */
function blobChunks(
  sql: SqlPool,
  file: { sha256: string; size: number },
  result: { found: boolean },
): AsyncIterable<Buffer> {
  // COPY takes no parameters: the hash is inlined, so it must be nothing but a SHA-256.
  if (sql.streamBytea && /^[0-9a-f]{64}$/.test(file.sha256))
    return sql.streamBytea(
      `SELECT "content" FROM "evidence_blobs" WHERE "sha256" = '${file.sha256}'`,
      result,
    );
  result.found = true;
  return (async function* () {
    let first = true;
    for await (const slice of slices(sql, file)) {
      first = false;
      yield slice;
    }
    if (first) result.found = false;
  })();
}

/**
 * One stored file's content, slice by slice, checked against its SHA-256 at the end: a damaged
 * or missing blob throws, and the builder then deletes the whole package.
 */
export async function* evidenceContent(
  sql: SqlPool,
  file: { sha256: string; size: number; path: string },
): AsyncGenerator<Buffer> {
  const hash = createHash("sha256");
  let read = 0;
  const result = { found: false };
  for await (const buf of blobChunks(sql, file, result)) {
    hash.update(buf);
    read += buf.length;
    yield buf;
  }
  if (!result.found)
    throw new Error(`Evidence file ${file.path} could not be read: its content is missing.`);
  if (read !== file.size || hash.digest("hex") !== file.sha256)
    throw new Error(
      `Evidence file ${file.path} could not be read: its content no longer matches its SHA-256.`,
    );
}

const BATCH = 2000;

export interface ActivityStats {
  rows: number;
  firstPrevHash: string;
  lastHash: string;
}

/**
 * The period's activity rows as JSON Lines, batch by batch; `stats` is complete at the end. The
 * rows are the unbroken run of sequence numbers from the period's first entry to its last, so
 * every link of the chain inside the package can be checked.
 */
export async function* activityLines(
  prisma: PrismaClient,
  start: Date,
  end: Date,
  stats: ActivityStats,
): AsyncGenerator<string> {
  const range = await prisma.activity.aggregate({
    where: { at: { gte: start, lt: end } },
    _min: { seq: true },
    _max: { seq: true },
  });
  const first = range._min.seq;
  const lastSeq = range._max.seq;
  if (first === null || lastSeq === null) return;
  let after = first - 1n;
  for (;;) {
    const rows = await prisma.activity.findMany({
      where: { seq: { gt: after, lte: lastSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    const lines: string[] = [];
    for (const r of rows) {
      if (stats.rows === 0) stats.firstPrevHash = r.prevHash;
      stats.rows += 1;
      stats.lastHash = r.hash;
      lines.push(
        JSON.stringify({
          seq: r.seq.toString(),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorEmail: r.actorEmail,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          summary: r.summary,
          before: r.before,
          after: r.after,
          prevHash: r.prevHash,
          hash: r.hash,
        }) + "\n",
      );
    }
    if (lines.length) yield lines.join("");
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) return;
    after = last.seq;
  }
}
