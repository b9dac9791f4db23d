import "server-only";
import { database, db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { ADMINS, READERS, UserError, WRITERS, assertRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/types";
import { encryptSecret } from "./crypto";
import { pullSource, testSource, type SourceConfig } from "./pg-source";
import { secretKey } from "./secret-key";

export async function checkSource(actor: SessionUser | null, config: SourceConfig) {
  assertRole(actor, ADMINS, "configure audit sources");
  return testSource(config);
}

/** Saved only once the connection test passes; the connection string is encrypted at rest. */
export async function addSource(actor: SessionUser | null, config: SourceConfig) {
  assertRole(actor, ADMINS, "configure audit sources");
  const test = await testSource(config);
  if (!test.ok) throw new UserError(`Not saved: ${test.error}`);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if (await tx.auditSource.findUnique({ where: { name: config.name } }))
      throw new UserError("A source with that name exists already.");
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

export async function pullAuditSource(actor: SessionUser | null, id: string) {
  assertRole(actor, WRITERS, "pull audit sources");
  const d = await database();
  return pullSource(d.prisma, actor, id, secretKey(), d.sql);
}

export async function listSources(actor: SessionUser | null) {
  assertRole(actor, READERS, "read audit sources");
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
