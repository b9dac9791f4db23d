// Two pushes at the same moment whose chunks touch the same daily counts in opposite orders: each
// push holds the daily rows it wrote until it commits, so adding the counts per chunk let two
// pushes each wait for the other (PostgreSQL ended one with a deadlock). The counts are now added
// once at the end, in one order; both pushes are stored whole and the counts are exact.
import { describe, expect, it } from "vitest";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { storeAuditEvents } from "./ingest";
import { dedupeKeyOf } from "./dedupe-key";
import type { ParsedEvent } from "./parse";

/**
 * Two 2 MB staging chunks per push (about 20,000 of these events each): the first chunk of each
 * push holds its first ten days, the second the other ten.
 */
const PER_PUSH = 40_000;

function events(push: string, days: Date[]): ParsedEvent[] {
  return Array.from({ length: PER_PUSH }, (_, i) => ({
    // Consecutive blocks of events per day: the first chunks hold the first days.
    occurredAtMs: days[Math.floor((i * days.length) / PER_PUSH)]!.getTime() + 1000 * (i % 3600),
    action: i % 2 ? "login" : "login_failed",
    actor: `${push}-${String(i).padStart(6, "0")}@example.com`,
    organisation: null,
    ip: null,
    outcome: null,
    target: null,
    metadataJson: null,
    dedupeKey: dedupeKeyOf(`${push}:${i}`, ""),
  }));
}

describe("two audit-event pushes at once", () => {
  it("are both stored whole, with exact daily counts, whatever order their chunks take the days in", async () => {
    const admin = await makeUser("admin");
    const today = startOfUtcDay(new Date());
    const days = Array.from({ length: 20 }, (_, k) => addDays(today, -20 + k));
    const [a, b] = await Promise.all([
      storeAuditEvents(admin, events("a", days), "test"),
      storeAuditEvents(admin, events("b", [...days].reverse()), "test"),
    ]);
    expect(a.stored).toBe(PER_PUSH);
    expect(b.stored).toBe(PER_PUSH);
    const prisma = await db();
    const daily = await prisma.auditEventDaily.findMany({
      where: { day: { gte: days[0]! } },
      orderBy: [{ day: "asc" }, { action: "asc" }],
    });
    const total = daily.reduce((n, d) => n + d.count, 0);
    expect(total).toBe(2 * PER_PUSH);
    expect(total).toBe(await prisma.auditEvent.count({ where: { occurredAt: { gte: days[0]! } } }));
    // Every day got its share from both pushes, half of them failed logins.
    expect(new Set(daily.map((d) => isoDay(d.day)))).toEqual(new Set(days.map(isoDay)));
    for (const d of daily) expect(d.count).toBe(PER_PUSH / days.length);
  });
});
