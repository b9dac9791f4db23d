import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { conflict, invalid } from "@/lib/errors";
import { database, db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { SessionUser } from "@/lib/auth/types";
import { encryptSecret } from "./crypto";
import { pullSource, testSource, type SourceConfig } from "./pg-source";
import { secretKey } from "./secret-key";

export async function checkSource(actor: Actor | null, config: SourceConfig) {
  authorize(actor, "audit.configure");
  return testSource(config);
}

/** Saved only once the connection test passes; the connection string is encrypted at rest. */
export async function addSource(actor: Actor | null, config: SourceConfig) {
  authorize(actor, "audit.configure");
  const test = await testSource(config);
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

export async function pullAuditSource(actor: Actor | null, id: string) {
  authorize(actor, "audit.pull");
  const d = await database();
  return pullSource(d.prisma, actor, id, secretKey(), d.sql);
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
