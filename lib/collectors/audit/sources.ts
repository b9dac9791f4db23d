import "server-only";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { encryptSecret } from "./crypto";
import { testSource } from "./pg-source";
import type { SourceConfig } from "./schemas";
import { secretKey } from "./secret-key";

/** Saved only once the connection test passes; the connection string is encrypted at rest. */
export async function addSource(actor: Actor | null, config: SourceConfig) {
  authorize(actor, "audit.configure");
  const test = await testSource(actor, config);
  if (!test.ok) throw invalid(`Not saved: ${test.error}`);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if (await tx.auditSource.findUnique({ where: { name: config.name } }))
      throw conflict("A source with that name exists already.");
    const s = await tx.auditSource.create({
      data: {
        name: config.name,
        connectionEnc: encryptSecret(config.url, secretKey()),
        tableName: config.tableName,
        columns: config.columns,
        cursorColumn: config.cursorColumn,
      },
    });
    await recordActivity(tx, actor, {
      action: "audit_source.create",
      entityType: "audit_source",
      entityId: s.id,
      summary: `Configured audit source "${config.name}" (table ${config.tableName}, cursor ${config.cursorColumn}, ${test.rows} rows)`,
      after: {
        tableName: config.tableName,
        columns: config.columns,
        cursorColumn: config.cursorColumn,
      },
    });
    return s.id;
  });
}

export async function listSources(actor: Actor | null) {
  authorize(actor, "audit.read");
  return (await db()).auditSource.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      tableName: true,
      cursorColumn: true,
      cursorValue: true,
      lastPulledAt: true,
      lastResult: true,
    },
  });
}
