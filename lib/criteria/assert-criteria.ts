import { notFound } from "@/lib/errors";
import type { Tx } from "@/lib/db/tx";

export async function assertCriteriaExist(tx: Tx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx.criterion.findMany({
    where: { id: { in: unique } },
    select: { id: true },
  });
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw notFound(`Unknown criterion: ${missing.join(", ")}.`);
}
