import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import type { SessionUser } from "@/lib/auth/types";
import { evidencePage } from "./evidence-page";
import { evidenceListSchema } from "./schemas";

const query = (params: Record<string, string> = {}) => evidenceListSchema.parse(params);
let auditor: SessionUser;
const today = startOfUtcDay(new Date());

beforeAll(async () => {
  auditor = await makeUser("auditor");
  const prisma = await db();
  const control = await prisma.control.create({
    data: {
      ref: "PG-100",
      title: "Paged control",
      criteria: { create: [{ criterionId: "CC6.1" }] },
    },
  });
  // 60 items: 55 notes a day apart, 3 expired links, 2 files linked to the control.
  for (let i = 0; i < 55; i++)
    await prisma.evidence.create({
      data: {
        title: `Note ${String(i).padStart(2, "0")}`,
        kind: "note",
        evidenceDate: addDays(today, -i),
      },
    });
  for (let i = 0; i < 3; i++)
    await prisma.evidence.create({
      data: {
        title: `Old link ${i}`,
        kind: "link",
        reviewState: "accepted",
        evidenceDate: addDays(today, -100),
        expiresOn: addDays(today, -10 - i),
      },
    });
  for (let i = 0; i < 2; i++)
    await prisma.evidence.create({
      data: {
        title: `Report 100%_${i}`,
        kind: "file",
        evidenceDate: addDays(today, -200),
        renewalDays: 220, // expires in 20 days
        controls: { create: [{ controlId: control.id }] },
      },
    });
});

describe("evidencePage (the library, paged by the database)", () => {
  it("shows 50 rows a page with the honest total, and every item on exactly one page", async () => {
    const first = await evidencePage(auditor, query());
    expect(first.rows).toHaveLength(50);
    expect(first.slice).toMatchObject({ page: 1, pages: 2, total: 60, from: 1, to: 50 });
    // Newest first by default.
    expect(first.rows[0]?.title).toBe("Note 00");
    const second = await evidencePage(auditor, query({ page: "2" }));
    expect(second.rows).toHaveLength(10);
    expect(second.slice).toMatchObject({ page: 2, from: 51, to: 60 });
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(60);
    // A page past the end shows the last page; a nonsense page the first.
    expect((await evidencePage(auditor, query({ page: "99" }))).slice.page).toBe(2);
    expect((await evidencePage(auditor, query({ page: "-3" }))).slice.page).toBe(1);
    expect(first.libraryEmpty).toBe(false);
    expect(first.controls).toEqual(["PG-100"]);
    expect(first.criteria).toEqual(["CC6.1"]);
  });

  it("filters by control, criterion, kind, review state and expiry in the database", async () => {
    const count = async (p: Record<string, string>) =>
      (await evidencePage(auditor, query(p))).slice.total;
    expect(await count({ control: "PG-100" })).toBe(2);
    expect(await count({ criterion: "CC6.1" })).toBe(2);
    expect(await count({ criterion: "CC7.1" })).toBe(0);
    expect(await count({ kind: "link" })).toBe(3);
    // Accepted but past their expiry: shown (and filtered) as expired.
    expect(await count({ state: "expired" })).toBe(3);
    expect(await count({ state: "accepted" })).toBe(0);
    expect(await count({ expiry: "expired" })).toBe(3);
    expect(await count({ expiry: "7" })).toBe(0);
    expect(await count({ expiry: "30" })).toBe(2);
    expect(await count({ kind: "file", expiry: "30", control: "PG-100" })).toBe(2);
    const expiring = await evidencePage(auditor, query({ expiry: "30" }));
    expect(expiring.rows.map((r) => r.daysToExpiry)).toEqual([20, 20]);
    expect(expiring.rows[0]?.controls).toBe("PG-100");
    expect(expiring.rows[0]?.criteria).toBe("CC6.1");
  });

  it("searches titles and linked controls, with % and _ taken literally", async () => {
    const titles = async (q: string) =>
      (await evidencePage(auditor, query({ q }))).rows.map((r) => r.title).sort();
    expect(await titles("100%_")).toEqual(["Report 100%_0", "Report 100%_1"]);
    expect(await titles("pg-100")).toEqual(["Report 100%_0", "Report 100%_1"]);
    expect(await titles("%")).toEqual(["Report 100%_0", "Report 100%_1"]);
    expect(await titles("note 0")).toHaveLength(10);
    expect(await titles("nothing like this")).toEqual([]);
  });

  it("sorts the whole list, not just the page", async () => {
    const asc = await evidencePage(auditor, query({ sort: "title", dir: "asc" }));
    expect(asc.rows[0]?.title).toBe("Note 00");
    const desc = await evidencePage(auditor, query({ sort: "title", dir: "desc" }));
    expect(desc.rows.slice(0, 2).map((r) => r.title)).toEqual(["Report 100%_1", "Report 100%_0"]);
    const expiry = await evidencePage(auditor, query({ sort: "expiry", dir: "asc" }));
    expect(expiry.rows.slice(0, 3).map((r) => r.title)).toEqual([
      "Old link 2",
      "Old link 1",
      "Old link 0",
    ]);
    // Unknown sort keys fall back to the default, never an error.
    const odd = await evidencePage(auditor, query({ sort: "password", dir: "sideways" }));
    expect(odd.sort).toEqual({ key: "date", dir: "desc" });
  });

  it("needs evidence.read", async () => {
    await expect(evidencePage(null, query())).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
