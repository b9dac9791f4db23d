import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { PARTS } from "./status-inputs";

async function versions() {
  const rows = await (
    await db()
  ).$queryRaw<{ id: number; version: bigint }[]>`
    SELECT "id", "version" FROM "status_data_version" ORDER BY "id"`;
  return rows.map((r) => Number(r.version));
}

describe("the data versions of status's parts", () => {
  it("move once per committed transaction for each part it wrote, whatever the order of the writes", async () => {
    const prisma = await db();
    const before = await versions();
    // Statement triggers mark the part even when no row matches: no row locks between the
    // transactions, so they commit at the same time, half of them having marked audit first.
    const core = (tx: Tx) => tx.$executeRaw`UPDATE "controls" SET "title" = "title" WHERE false`;
    const audit = (tx: Tx) =>
      tx.$executeRaw`UPDATE "expected_events" SET "action" = "action" WHERE false`;
    const n = 8;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        prisma.$transaction(async (tx) => {
          if (i % 2) {
            await audit(tx);
            await core(tx);
            await audit(tx);
          } else {
            await core(tx);
            await audit(tx);
          }
        }),
      ),
    );
    const after = await versions();
    const moved = after.map((v, i) => v - before[i]!);
    const expected = [0, 0, 0, 0];
    expected[PARTS.core - 1] = n;
    expected[PARTS.audit - 1] = n;
    expect(moved).toEqual(expected);
    // Nothing is left marked once committed.
    const [left] = await prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "status_dirty"`;
    expect(Number(left?.n)).toBe(0);
  });

  it("do not move for a rolled-back transaction", async () => {
    const prisma = await db();
    const before = await versions();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "backlog_items" SET "title" = "title" WHERE false`;
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await versions()).toEqual(before);
  });
});
