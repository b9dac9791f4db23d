import "server-only";
// The two parts of a package too large to load at once, read from the database piece by piece:
// evidence file contents (one blob at a time) and the activity log (batches of rows).
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One stored file's content, checked against its SHA-256 so a damaged blob stops the package. */
export async function evidenceContent(
  prisma: PrismaClient,
  sha256: string,
  name: string,
): Promise<Buffer> {
  const blob = await prisma.evidenceBlob.findUnique({
    where: { sha256 },
    select: { content: true },
  });
  if (!blob) throw new Error(`Evidence file ${name} could not be read: its content is missing.`);
  const content = Buffer.from(blob.content);
  if (createHash("sha256").update(content).digest("hex") !== sha256)
    throw new Error(
      `Evidence file ${name} could not be read: its content no longer matches its SHA-256.`,
    );
  return content;
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
