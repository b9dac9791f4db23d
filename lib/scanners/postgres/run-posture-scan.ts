// The posture scan as the app runs it: on a URL (CLI), on a configured target (on demand and
// on the schedule), or on Trustboard's own database (PGlite: allowed, "not representative").
import "server-only";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { decryptSecret } from "@/lib/collectors/audit/crypto";
import { explainConnectionError } from "./connection-error";
import { existingSecretKey } from "@/lib/collectors/audit/secret-key";
import { database, db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { recordScan, type RecordedScan } from "../record-scan";
import type { PostureReport } from "./analyse";
import { POSTURE_CRITERIA } from "./check-table";
import { scanPostgresUrl, scanWith, serverOf } from "./scan-postgres";
import type { Query } from "./snapshot";
import { cutText } from "@/lib/validation/storable";

export interface PostureScanResult {
  report: PostureReport;
  recorded: RecordedScan;
}

/** Stores a report: the scan, its evidence, the diff and the backlog (recordScan). */
export async function recordPostureReport(
  actor: Actor | null,
  report: PostureReport,
): Promise<RecordedScan> {
  const json = JSON.stringify(report, null, 2);
  return recordScan(actor, {
    kind: "postgres",
    source: `${report.server}/${report.database}`,
    findings: report.findings,
    criteria: POSTURE_CRITERIA,
    notRepresentative: report.notRepresentative,
    summary: report.summary,
    report: {
      fileName: `posture-${report.database}.json`,
      contentType: "application/json",
      bytes: new TextEncoder().encode(json),
    },
  });
}

export async function scanUrl(
  actor: Actor | null,
  url: string,
  tenantColumns?: readonly string[],
): Promise<PostureReport> {
  authorize(actor, "scans.run");
  try {
    return await scanPostgresUrl(url, { tenantColumns });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("invalid", explainConnectionError(err));
  }
}

export async function scanTarget(
  actor: Actor | null,
  targetId: string,
): Promise<PostureScanResult> {
  authorize(actor, "scans.run");
  const prisma = await db();
  const target = await prisma.scanTarget.findUnique({ where: { id: targetId } });
  if (!target) throw notFound("That scan target no longer exists.");
  let report: PostureReport;
  try {
    report = await scanUrl(
      actor,
      decryptSecret(target.connectionEnc, existingSecretKey()),
      target.tenantColumns,
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await prisma.$transaction(async (tx) => {
      await tx.scanTarget.update({
        where: { id: targetId },
        data: { lastScanAt: new Date(), lastResult: cutText(`Failed: ${message}`, 1000) },
      });
      await recordActivity(tx, actor, {
        action: "scan.fail",
        entityType: "scan_target",
        entityId: targetId,
        summary: cutText(`Posture scan of "${target.name}" failed: ${message}`, 1000),
      });
    });
    throw err;
  }
  const recorded = await recordPostureReport(actor, report);
  await prisma.scanTarget.update({
    where: { id: targetId },
    data: {
      lastScanAt: new Date(),
      lastResult: `${report.summary.error} error(s), ${report.summary.warn} warning(s), ${report.summary.info} note(s); ${recorded.diff.new.length} new, ${recorded.diff.fixed.length} fixed`,
    },
  });
  return { report, recorded };
}

/** Trustboard's own database, read in a read-only transaction of its own client. */
export async function scanOwnDatabase(actor: Actor | null): Promise<PostureScanResult> {
  authorize(actor, "scans.run");
  const d = await database();
  const prisma = d.prisma;
  const url = env().DATABASE_URL;
  const server = d.kind === "pglite" || !url ? "pglite" : serverOf(url);
  const report = await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    const q: Query = async <T>(sql: string, params: unknown[] = []) =>
      tx.$queryRawUnsafe<T[]>(sql, ...params);
    return scanWith(q, server);
  });
  const recorded = await recordPostureReport(actor, report);
  return { report, recorded };
}

/** The schedule: every target in turn; one failing does not stop the others. */
export async function scanAllTargets(actor: Actor | null): Promise<string[]> {
  authorize(actor, "scans.run");
  const targets = await (await db()).scanTarget.findMany({ orderBy: { name: "asc" } });
  const lines: string[] = [];
  for (const t of targets) {
    try {
      const r = await scanTarget(actor, t.id);
      lines.push(`${t.name}: ${r.report.findings.length} finding(s)`);
    } catch (err) {
      lines.push(`${t.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return lines;
}
