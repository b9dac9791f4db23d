import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import type { SessionUser } from "@/lib/auth/types";
import { backlogPage } from "./backlog-queries";
import { backlogListSchema } from "./schemas";

const query = (params: Record<string, string> = {}) => backlogListSchema.parse(params);
let auditor: SessionUser;
const today = startOfUtcDay(new Date());

beforeAll(async () => {
  auditor = await makeUser("auditor");
  const prisma = await db();
  // 70 items: 60 P2 (due on following days), 8 P1 overdue, 2 P0 with "Vault" in the title.
  await prisma.backlogItem.createMany({
    data: [
      ...Array.from({ length: 60 }, (_, i) => ({
        key: `PG-${100 + i}`,
        title: `Rotate key ${i}`,
        priority: "P2" as const,
        dueDate: addDays(today, 10 + i),
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        key: `PG-${200 + i}`,
        title: `Late fix ${i}`,
        priority: "P1" as const,
        dueDate: addDays(today, -5 - i),
      })),
      { key: "PG-300", title: "Seal the Vault", priority: "P0" as const },
      { key: "PG-301", title: "Audit vault access", priority: "P0" as const },
    ],
  });
});

describe("backlogPage (the backlog, paged by the database)", () => {
  it("shows 50 items a page in priority order, every item on exactly one page", async () => {
    const first = await backlogPage(auditor, query());
    expect(first.rows).toHaveLength(50);
    expect(first.slice).toMatchObject({ page: 1, pages: 2, total: 70, from: 1, to: 50 });
    expect(first.rows.slice(0, 2).map((r) => r.priority)).toEqual(["P0", "P0"]);
    // P1 items by due date: the most overdue first.
    expect(first.rows[2]?.key).toBe("PG-207");
    const second = await backlogPage(auditor, query({ page: "2" }));
    expect(second.rows).toHaveLength(20);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.key)).size).toBe(70);
    expect((await backlogPage(auditor, query({ page: "7" }))).slice.page).toBe(2);
  });

  it("keeps the filters, searches key and title, and sorts the whole backlog", async () => {
    const overdue = await backlogPage(auditor, query({ overdue: "1" }));
    expect(overdue.slice.total).toBe(8);
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    const vault = await backlogPage(auditor, query({ q: "vault" }));
    expect(vault.rows.map((r) => r.key).sort()).toEqual(["PG-300", "PG-301"]);
    expect((await backlogPage(auditor, query({ q: "pg-20" }))).slice.total).toBe(8);
    const due = await backlogPage(auditor, query({ sort: "due", dir: "desc", priority: "P2" }));
    expect(due.rows[0]?.key).toBe("PG-159");
    expect(due.sort).toEqual({ key: "due", dir: "desc" });
    const title = await backlogPage(auditor, query({ sort: "title", dir: "asc" }));
    expect(title.rows[0]?.title).toBe("Audit vault access");
    const odd = await backlogPage(auditor, query({ sort: "secret", page: "x" }));
    expect(odd.sort).toEqual({ key: "priority", dir: "asc" });
    expect(odd.slice.page).toBe(1);
  });
});
