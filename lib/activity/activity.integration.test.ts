import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordActivity } from "./record";
import { verifyActivityChain } from "./verify";
import { GENESIS_HASH } from "./chain";

async function writeSome(count: number) {
  const prisma = await db();
  for (let i = 0; i < count; i++) {
    await prisma.$transaction((tx) =>
      recordActivity(
        tx,
        { id: null, email: "tester" },
        {
          action: "test.write",
          entityType: "test",
          entityId: String(i),
          summary: `entry ${i}`,
          before: { n: i, when: new Date("2026-01-01T00:00:00Z") },
          after: { n: i + 1, tags: ["a", "b"], nested: { z: 1, a: null } },
        },
      ),
    );
  }
}

describe("activity log in the database", () => {
  it("links each row to the previous one and verifies", async () => {
    await writeSome(5);
    const prisma = await db();
    const rows = await prisma.activity.findMany({ orderBy: { seq: "asc" } });
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    const verdict = await verifyActivityChain(SYSTEM_ACTOR);
    expect(verdict).toMatchObject({ ok: true, checked: rows.length });
  });

  it.each([
    ["UPDATE", `UPDATE "activity" SET summary = 'x'`],
    ["DELETE", `DELETE FROM "activity"`],
    ["TRUNCATE", `TRUNCATE "activity"`],
  ])("the database itself rejects %s", async (_op, sql) => {
    const prisma = await db();
    const before = await prisma.activity.count();
    await expect(prisma.$executeRawUnsafe(sql)).rejects.toThrow(/append-only/);
    expect(await prisma.activity.count()).toBe(before);
  });

  it("a change and its activity row commit or fail together", async () => {
    const prisma = await db();
    const before = await prisma.activity.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordActivity(
          tx,
          { id: null, email: "tester" },
          { action: "test.rollback", entityType: "test", summary: "will roll back" },
        );
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.activity.count()).toBe(before);
  });

  it("finds the first row altered behind Trustboard's back", async () => {
    await writeSome(3);
    const prisma = await db();
    const target = (
      await prisma.activity.findMany({ orderBy: { seq: "asc" }, skip: 2, take: 1 })
    )[0]!;
    // What a database superuser could still do: switch the trigger off, edit, switch it on.
    await prisma.$executeRawUnsafe(
      `ALTER TABLE "activity" DISABLE TRIGGER "activity_no_update_delete"`,
    );
    await prisma.$executeRawUnsafe(
      `UPDATE "activity" SET summary = 'nothing to see' WHERE seq = ${target.seq}`,
    );
    await prisma.$executeRawUnsafe(
      `ALTER TABLE "activity" ENABLE TRIGGER "activity_no_update_delete"`,
    );
    const verdict = await verifyActivityChain(SYSTEM_ACTOR);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.brokenAt).toBe(target.seq);
      expect(verdict.reason).toMatch(/altered/);
    }
  });
});
