import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays, DAY_MS, isoDay } from "@/lib/dates";
import { resolveExpiry } from "@/lib/status/expiry";

export interface ExpiringEvidence {
  id: string;
  title: string;
  expiresOn: string;
  daysToExpiry: number;
}

/**
 * Evidence expiring in the next `days` days, soonest first, and whether any evidence exists:
 * what the overview shows, without loading the whole library (a year holds thousands of items).
 */
export async function expiringEvidence(
  actor: Actor | null,
  days = 30,
  now = new Date(),
): Promise<{ rows: ExpiringEvidence[]; any: boolean }> {
  authorize(actor, "evidence.read");
  const prisma = await db();
  // The database narrows by date with a day of margin each side; the exact rule is
  // listEvidence's own (resolveExpiry, days rounded up), applied below.
  const [candidates, one] = await Promise.all([
    prisma.$queryRaw<
      {
        id: string;
        title: string;
        evidenceDate: Date;
        expiresOn: Date | null;
        renewalDays: number | null;
      }[]
    >`
      SELECT "id"::text, "title", "evidence_date" AS "evidenceDate", "expires_on" AS "expiresOn",
             "renewal_days" AS "renewalDays"
      FROM "evidence"
      WHERE coalesce("expires_on", "evidence_date" + "renewal_days")
            BETWEEN ${isoDay(addDays(now, -2))}::date AND ${isoDay(addDays(now, days + 2))}::date`,
    prisma.evidence.findFirst({ select: { id: true } }),
  ]);
  const rows: ExpiringEvidence[] = [];
  for (const e of candidates) {
    const expiry = resolveExpiry(e);
    if (!expiry) continue;
    const left = Math.ceil((expiry.getTime() - now.getTime()) / DAY_MS);
    if (left < 0 || left > days) continue;
    rows.push({ id: e.id, title: e.title, expiresOn: isoDay(expiry), daysToExpiry: left });
  }
  rows.sort((a, b) => a.daysToExpiry - b.daysToExpiry);
  return { rows, any: one !== null };
}
