import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainVerifier, type ChainVerdict } from "./chain";

const BATCH = 2000;

/** Re-computes every hash in sequence order, in batches so memory stays flat. */
export async function verifyActivityChain(prisma: PrismaClient): Promise<ChainVerdict> {
  const verifier = chainVerifier();
  let after = 0n;
  for (;;) {
    const rows = await prisma.activity.findMany({
      where: { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      const broken = verifier.check(row);
      if (broken) return broken;
    }
    if (rows.length < BATCH) return verifier.done();
    after = rows[rows.length - 1].seq;
  }
}
