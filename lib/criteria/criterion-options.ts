import "server-only";
import { db } from "@/lib/db";

export async function criterionOptions() {
  return (await db()).criterion.findMany({
    select: { id: true, title: true },
    orderBy: { sortOrder: "asc" },
  });
}
