// The code query audits on record, newest first, and the findings of the latest one with the
// backlog item that tracks each.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";

export async function listCodeScans(actor: Actor | null, take = 20) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const scans = await prisma.scan.findMany({
    where: { kind: "code" },
    orderBy: { at: "desc" },
    take,
    select: {
      id: true,
      source: true,
      at: true,
      actorEmail: true,
      summary: true,
      evidenceId: true,
      diffNew: true,
      diffFixed: true,
      diffStillOpen: true,
    },
  });
  const latest = scans[0];
  const findings = latest
    ? await prisma.scanFinding.findMany({
        where: { scanId: latest.id },
        orderBy: [{ file: "asc" }, { line: "asc" }],
        select: {
          key: true,
          check: true,
          level: true,
          object: true,
          message: true,
          file: true,
          line: true,
        },
      })
    : [];
  const items = new Map(
    (
      await prisma.scanFindingItem.findMany({
        where: { key: { in: findings.map((f) => f.key) } },
        select: { key: true, item: { select: { key: true, status: true } } },
      })
    ).map((l) => [l.key, l.item]),
  );
  return {
    scans: scans.map((s) => ({
      ...s,
      summary: (s.summary ?? {}) as Record<string, number>,
      diff: { new: s.diffNew.length, fixed: s.diffFixed.length, stillOpen: s.diffStillOpen.length },
    })),
    findings: findings.map((f) => ({ ...f, item: items.get(f.key) ?? null })),
  };
}
