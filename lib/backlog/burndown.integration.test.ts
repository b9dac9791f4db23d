// The backlog page's burndown is computed in SQL from the transitions (per day, how the counts
// changed); it must draw exactly what replaying every transition in JavaScript draws.
import { describe, expect, it } from "vitest";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { backlogCharts } from "./backlog-queries";
import { STATUSES, burndown, type BacklogStatus } from "./workflow";

describe("the backlog burndown", () => {
  it("from SQL equals the replay of every transition, over a window that starts mid-history", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const now = new Date();
    // A fixed pseudo-random sequence: the same transitions on every run, dates relative to now.
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const transitions: { itemId: string; at: Date; to: BacklogStatus }[] = [];
    for (let i = 0; i < 40; i++) {
      const item = await prisma.backlogItem.create({
        data: { key: `BD-${i}`, title: `burndown ${i}`, priority: "P2", status: "open" },
      });
      // Created 1–200 days ago, then up to five changes at distinct later instants.
      let at = addDays(now, -1 - next(200));
      transitions.push({ itemId: item.id, at, to: "open" });
      for (let k = next(6); k > 0; k--) {
        at = new Date(at.getTime() + 1 + next(20 * 86_400_000));
        // Some changes fall after now: the chart must leave them out.
        transitions.push({ itemId: item.id, at, to: STATUSES[next(STATUSES.length)]! });
      }
    }
    await prisma.backlogTransition.createMany({ data: transitions });
    const shown = transitions.filter((t) => t.at <= now);
    for (const days of [1, 30, 90, 400]) {
      const { burndown: fromSql } = await backlogCharts(admin, days, now);
      expect(fromSql).toEqual(burndown(shown, addDays(startOfUtcDay(now), -(days - 1)), now));
    }
    const today = (await backlogCharts(admin, 1, now)).burndown[0]!;
    expect(today.open + today.closed).toBe(40);
  });
});
