import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { inScope } from "@/lib/catalog/criteria";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import type { CriterionCategory } from "@/lib/generated/prisma/enums";

export interface CriterionRow {
  id: string;
  category: CriterionCategory;
  series: string;
  title: string;
  hasRequirement: boolean;
  inScope: boolean;
  sortOrder: number;
}

export async function listCriteria(actor: Actor | null): Promise<CriterionRow[]> {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const [rows, ws] = await Promise.all([
    prisma.criterion.findMany({ orderBy: { sortOrder: "asc" } }),
    prisma.workspace.findUniqueOrThrow({
      where: { id: WORKSPACE_ID },
      select: { categoriesInScope: true },
    }),
  ]);
  return rows.map((c) => ({
    id: c.id,
    category: c.category,
    series: c.series,
    title: c.title,
    hasRequirement: c.requirement !== null,
    inScope: inScope(c.category, ws.categoriesInScope),
    sortOrder: c.sortOrder,
  }));
}
