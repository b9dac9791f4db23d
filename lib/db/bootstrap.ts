// Start-up work on a freshly opened database: the criteria catalog, the workspace row,
// and the first administrator from TRUSTBOARD_ADMIN_EMAIL/PASSWORD when that email is new.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Env } from "@/lib/env";
import { CRITERIA } from "@/lib/catalog/criteria";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { insertUser } from "@/lib/users/insert-user";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { ensureDefaultActionMappings } from "@/lib/collectors/audit/ingest";

export async function ensureCatalog(prisma: PrismaClient): Promise<void> {
  const existing = new Map((await prisma.criterion.findMany()).map((c) => [c.id, c]));
  const writes = CRITERIA.flatMap((c, i) => {
    const row = {
      category: c.category,
      series: c.series,
      title: c.title,
      requirement: c.requirement,
      sortOrder: i,
    };
    const old = existing.get(c.id);
    if (!old) return [prisma.criterion.create({ data: { id: c.id, ...row } })];
    const same =
      old.title === row.title &&
      old.requirement === row.requirement &&
      old.sortOrder === i &&
      old.series === row.series;
    return same ? [] : [prisma.criterion.update({ where: { id: c.id }, data: row })];
  });
  if (writes.length > 0) await prisma.$transaction(writes);
  await prisma.workspace.upsert({
    where: { id: WORKSPACE_ID },
    create: { id: WORKSPACE_ID },
    update: {},
  });
  await ensureDefaultActionMappings(prisma);
}

export async function bootstrap(prisma: PrismaClient, env: Env): Promise<void> {
  await ensureCatalog(prisma);
  const email = env.TRUSTBOARD_ADMIN_EMAIL?.toLowerCase();
  const password = env.TRUSTBOARD_ADMIN_PASSWORD;
  if (!email || !password) return;
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return;
  await prisma.$transaction((tx) =>
    insertUser(
      tx,
      SYSTEM_ACTOR,
      { email, name: "Administrator", role: "admin", password, accessExpiresAt: null },
      "from TRUSTBOARD_ADMIN_EMAIL",
    ),
  );
}
