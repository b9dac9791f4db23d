// Reading scans of every kind (posture, code, SARIF) for the scan pages.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import type { ScanKind } from "./scan-labels";

export async function listScans(
  actor: Actor | null,
  opts: { kind?: ScanKind; take?: number } = {},
) {
  authorize(actor, "workspace.read");
  const rows = await (
    await db()
  ).scan.findMany({
    where: opts.kind ? { kind: opts.kind } : {},
    orderBy: { at: "desc" },
    take: opts.take ?? 50,
    select: {
      id: true,
      kind: true,
      source: true,
      at: true,
      actorEmail: true,
      notRepresentative: true,
      summary: true,
      reportSha256: true,
      diffNew: true,
      diffFixed: true,
      diffStillOpen: true,
    },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    source: r.source,
    at: r.at,
    actorEmail: r.actorEmail,
    notRepresentative: r.notRepresentative,
    summary: r.summary as Record<string, number>,
    reportSha256: r.reportSha256,
    newCount: r.diffNew.length,
    fixedCount: r.diffFixed.length,
    stillOpenCount: r.diffStillOpen.length,
  }));
}
export type ScanListRow = Awaited<ReturnType<typeof listScans>>[number];

export async function getScan(actor: Actor | null, id: string) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const scan = await prisma.scan.findUnique({
    where: { id },
    include: { findings: { orderBy: [{ level: "asc" }, { check: "asc" }, { object: "asc" }] } },
  });
  if (!scan) return null;
  const keys = [...scan.findings.map((f) => f.key), ...scan.diffFixed];
  const items = await prisma.scanFindingItem.findMany({
    where: { key: { in: keys } },
    select: { key: true, item: { select: { key: true, status: true } } },
  });
  const itemOf = new Map(items.map((i) => [i.key, i.item]));
  const newKeys = new Set(scan.diffNew);
  return {
    id: scan.id,
    kind: scan.kind,
    source: scan.source,
    at: scan.at,
    actorEmail: scan.actorEmail,
    notRepresentative: scan.notRepresentative,
    summary: scan.summary as Record<string, number>,
    reportFileName: scan.reportFileName,
    reportSha256: scan.reportSha256,
    evidenceId: scan.evidenceId,
    findings: scan.findings.map((f) => ({
      key: f.key,
      check: f.check,
      level: f.level,
      object: f.object,
      message: f.message,
      remediation: f.remediation,
      criteria: f.criteria,
      file: f.file,
      line: f.line,
      isNew: newKeys.has(f.key),
      item: itemOf.get(f.key) ?? null,
    })),
    fixed: scan.diffFixed.map((key) => ({ key, item: itemOf.get(key) ?? null })),
    stillOpen: scan.diffStillOpen.length,
  };
}
export type ScanDetail = NonNullable<Awaited<ReturnType<typeof getScan>>>;
export type ScanFindingRow = ScanDetail["findings"][number];
