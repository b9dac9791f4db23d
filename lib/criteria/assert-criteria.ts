import type { Tx } from "@/lib/db/tx";
import { UserError } from "@/lib/auth/guard";

export async function assertCriteriaExist(tx: Tx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await tx.criterion.findMany({
    where: { id: { in: unique } },
    select: { id: true },
  });
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new UserError(`Unknown criterion: ${missing.join(", ")}.`);
}
