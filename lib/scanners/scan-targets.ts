// The databases the posture scan connects to. The connection string is encrypted at rest
// (like audit sources) and saved only once a scan over it works.
import "server-only";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { encryptSecret } from "@/lib/collectors/audit/crypto";
import { secretKey } from "@/lib/collectors/audit/secret-key";
import { db } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { DEFAULT_TENANT_COLUMNS } from "./default-tenant-columns";
import { scanUrl } from "./postgres/run-posture-scan";
import type { ScanTargetInput } from "./schemas";

export async function addScanTarget(actor: Actor | null, input: ScanTargetInput) {
  authorize(actor, "scans.configure");
  const report = await scanUrl(actor, input.url, input.tenantColumns);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if (await tx.scanTarget.findUnique({ where: { name: input.name }, select: { id: true } }))
      throw conflict("A scan target with that name exists already.");
    const t = await tx.scanTarget.create({
      data: {
        name: input.name,
        connectionEnc: encryptSecret(input.url, secretKey()),
        tenantColumns: input.tenantColumns,
      },
    });
    await recordActivity(tx, actor, {
      action: "scan_target.create",
      entityType: "scan_target",
      entityId: t.id,
      summary: `Configured posture scans of "${input.name}" (database ${report.database}, ${report.summary.tables} tables)`,
      after: { name: input.name, database: report.database, tenantColumns: input.tenantColumns },
    });
    return { id: t.id, database: report.database, tables: report.summary.tables };
  });
}

export async function removeScanTarget(actor: Actor | null, id: string) {
  authorize(actor, "scans.configure");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const t = await tx.scanTarget.findUnique({ where: { id }, select: { name: true } });
    if (!t) throw notFound("That scan target no longer exists.");
    await tx.scanTarget.delete({ where: { id } });
    await recordActivity(tx, actor, {
      action: "scan_target.delete",
      entityType: "scan_target",
      entityId: id,
      summary: `Removed the scan target "${t.name}" (its scans stay)`,
    });
    return t.name;
  });
}

export async function listScanTargets(actor: Actor | null) {
  authorize(actor, "workspace.read");
  const rows = await (
    await db()
  ).scanTarget.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, tenantColumns: true, lastScanAt: true, lastResult: true },
  });
  return rows.map((r) => ({
    ...r,
    tenantColumns: r.tenantColumns.length ? r.tenantColumns : [...DEFAULT_TENANT_COLUMNS],
  }));
}
