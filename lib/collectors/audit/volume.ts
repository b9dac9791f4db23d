import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { addDays, isoDay } from "@/lib/dates";
import { db } from "@/lib/db";

/** Events per day and type from the daily aggregates (never the raw table). */
export async function eventVolume(
  actor: Actor | null,
  opts: { days?: number; actions?: string[] } = {},
) {
  authorize(actor, "audit.read");
  const since = addDays(new Date(), -(opts.days ?? 90));
  const rows = await (
    await db()
  ).auditEventDaily.findMany({
    where: { day: { gte: since }, ...(opts.actions ? { action: { in: opts.actions } } : {}) },
    orderBy: { day: "asc" },
  });
  const actions = [...new Set(rows.map((r) => r.action))].sort();
  const byDay = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const day = isoDay(r.day);
    const entry = byDay.get(day) ?? { day };
    entry[r.action] = r.count;
    byDay.set(day, entry);
  }
  return { actions, days: [...byDay.values()] };
}

export async function knownActions(actor: Actor | null): Promise<string[]> {
  authorize(actor, "audit.read");
  const prisma = await db();
  const [mapped, seen] = await Promise.all([
    prisma.auditActionMapping.findMany({ select: { action: true } }),
    prisma.auditEventDaily.findMany({ distinct: ["action"], select: { action: true } }),
  ]);
  return [...new Set([...mapped, ...seen].map((r) => r.action))].sort();
}

export async function listActionMappings(actor: Actor | null) {
  authorize(actor, "audit.read");
  return (await db()).auditActionMapping.findMany({ orderBy: { action: "asc" } });
}
