import "server-only";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { chainVerifier, type ChainVerdict } from "./chain";

const BATCH = 2000;

/** Re-computes every hash in sequence order, in batches so memory stays flat. */
export async function verifyActivityChain(actor: Actor | null): Promise<ChainVerdict> {
  authorize(actor, "activity.read");
  const prisma = await db();
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
    const last = rows.at(-1);
    if (rows.length < BATCH || !last) return verifier.done();
    after = last.seq;
  }
}
