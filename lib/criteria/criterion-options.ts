import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** Criteria to choose from in forms (id and title, catalogue order). */
export async function criterionOptions(
  actor: Actor | null,
): Promise<{ id: string; title: string }[]> {
  authorize(actor, "workspace.read");
  return (await db()).criterion.findMany({
    select: { id: true, title: true },
    orderBy: { sortOrder: "asc" },
  });
}
