import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordActivity } from "./record";
import { recordActivities } from "@/lib/scanners/bulk-activity";
import { recordActivitySql } from "./record-sql";
import { verifyActivityChain } from "./verify";

// A text cut after 300 UTF-16 units can end in half of an emoji, and an uploaded JSON file can
// spell half a pair or a NUL as an escape. jsonb refuses both and text refuses NUL: the record of
// a change must still be written, and the chain must still verify against what was stored.

const HALF = "\ud83d"; // the first half of 🙂
const entry = (n: number) => ({
  action: "test.unstorable",
  entityType: "test",
  entityId: String(n),
  summary: `Finding "${"x".repeat(5)}${HALF}" and a NUL\u0000 (${n})`,
  before: { title: `cut ${HALF}` },
  after: { title: `whole 🙂, cut ${HALF}`, list: [`\udc00 low`, "nul\u0000"], [`key${HALF}`]: 1 },
});
const STORED_AFTER = {
  title: "whole 🙂, cut \uFFFD",
  list: ["\uFFFD low", "nul\uFFFD"],
  "key\uFFFD": 1,
};

describe("activity with text PostgreSQL cannot store", () => {
  it("is recorded with U+FFFD in its place, by each of the three writers, and the chain verifies", async () => {
    const prisma = await db();
    const actor = { id: null, email: `tester${HALF}` };
    await prisma.$transaction((tx) => recordActivity(tx, actor, entry(1)));
    const { sql } = await database();
    await sql.transaction((q) => recordActivitySql(q, actor, entry(2)));
    await prisma.$transaction((tx) => recordActivities(tx, actor, [entry(3)]));
    const rows = await prisma.activity.findMany({
      where: { action: "test.unstorable" },
      orderBy: { seq: "asc" },
    });
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      expect(row.summary).toBe(`Finding "xxxxx\uFFFD" and a NUL\uFFFD (${i + 1})`);
      expect(row.actorEmail).toBe("tester\uFFFD");
      expect(row.before).toEqual({ title: "cut \uFFFD" });
      expect(row.after).toEqual(STORED_AFTER);
    }
    expect(await verifyActivityChain(SYSTEM_ACTOR)).toMatchObject({ ok: true });
  });
});
