import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/db";
import type { BulkRunner } from "@/lib/db/runners";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { TEST_LANE } from "@/lib/testing/integration-setup";
import { CASE_COLUMNS } from "./case-copy";

// The cases' tie to their run is kept by statement triggers, not a foreign key (migration
// case_run_checks): these are the key's guarantees, and the per-run summary the insert trigger
// now adds up statement by statement.

async function insertRun(q: BulkRunner, id = randomUUID()): Promise<string> {
  await q.query(
    `INSERT INTO "test_runs" ("id", "content_sha256", "format", "started_at", "duration_ms", "tests",
                              "passed", "failed", "errored", "skipped", "flaky", "ingested_via", "ingested_by")
     VALUES ($1::uuid, $2, 'junit', now(), 0, 0, 0, 0, 0, 0, 0, 'api', 'test')`,
    [id, randomUUID()],
  );
  return id;
}

/** COPY text of cases (name, status, control ids) for one run. */
function cases(runId: string, rows: [string, string, string[]][]): string {
  return rows
    .map(
      ([name, status, ids]) =>
        `${runId}\ts\t\\N\t${name}\t\\N\t${status}\tf\t1\t\\N\t{${ids.join(",")}}\n`,
    )
    .join("");
}

const count = async (runId: string) => (await db()).testCaseResult.count({ where: { runId } });

describe("cases and their run", () => {
  it("refuse cases naming a run that does not exist, storing none of the statement", async () => {
    const { sql } = await database();
    const run = await sql.transaction((q) => insertRun(q));
    const missing = randomUUID();
    const attempt = sql.transaction((q) =>
      q.copyText(
        CASE_COLUMNS,
        cases(run, [["kept out", "passed", []]]) + cases(missing, [["orphan", "passed", []]]),
      ),
    );
    await expect(attempt).rejects.toMatchObject({ code: "23503" });
    await expect(attempt).rejects.toThrow(/test_case_results_run_id_fkey/);
    expect(await count(run)).toBe(0);
    expect(await count(missing)).toBe(0);
  });

  it("refuse moving a case to another run, and changing a run's id", async () => {
    const { sql } = await database();
    const [a, b] = await sql.transaction(async (q) => {
      const ids: [string, string] = [await insertRun(q), await insertRun(q)];
      await q.copyText(CASE_COLUMNS, cases(ids[0], [["stays", "passed", []]]));
      return ids;
    });
    const update = (statement: string, params: string[]) =>
      sql.transaction((q) => q.query(statement, params));
    await expect(
      update(`UPDATE "test_case_results" SET "run_id" = $2::uuid WHERE "run_id" = $1::uuid`, [
        a,
        b,
      ]),
    ).rejects.toThrow(/test_case_results\.run_id cannot change/);
    await expect(
      update(`UPDATE "test_runs" SET "id" = $2::uuid WHERE "id" = $1::uuid`, [b, randomUUID()]),
    ).rejects.toThrow(/test_runs\.id cannot change/);
    expect(await count(a)).toBe(1);
    // Other columns of a case still change (a mapping rule applied to stored cases).
    await update(`UPDATE "test_case_results" SET "message" = 'm' WHERE "run_id" = $1::uuid`, [a]);
    expect(
      (await (await db()).testCaseResult.findFirstOrThrow({ where: { runId: a } })).message,
    ).toBe("m");
  });

  it("go with the run when it is deleted, with its summary rows", async () => {
    const admin = await makeUser("admin");
    const control = await makeControl(admin, {
      title: `Deleted run ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    const { sql } = await database();
    const [gone, kept] = await sql.transaction(async (q) => {
      const ids: [string, string] = [await insertRun(q), await insertRun(q)];
      for (const id of ids)
        await q.copyText(
          CASE_COLUMNS,
          cases(id, [
            ["a", "passed", [control.id]],
            ["b", "failed", []],
          ]),
        );
      return ids;
    });
    const prisma = await db();
    await prisma.testRun.delete({ where: { id: gone } });
    expect(await count(gone)).toBe(0);
    expect(await prisma.testRunControl.count({ where: { runId: gone } })).toBe(0);
    expect(await count(kept)).toBe(2);
    expect(await prisma.testRunControl.count({ where: { runId: kept } })).toBe(1);
  });

  it("are not left behind by a truncation of the runs, which is refused", async () => {
    const { sql } = await database();
    const runId = await sql.transaction(async (q) => {
      const id = await insertRun(q);
      await q.copyText(CASE_COLUMNS, cases(id, [["kept", "passed", []]]));
      return id;
    });
    await expect(sql.transaction((q) => q.exec(`TRUNCATE "test_runs" CASCADE`))).rejects.toThrow(
      /test_runs cannot be truncated/,
    );
    expect(await count(runId)).toBe(1);
    expect(await (await db()).testRun.count({ where: { id: runId } })).toBe(1);
  });

  it("are summed per run and control across the statements that add them", async () => {
    const admin = await makeUser("admin");
    const control = await makeControl(admin, {
      title: `Two statements ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    const other = await makeControl(admin, {
      title: `Two statements other ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    const passing = await makeControl(admin, {
      title: `Two statements passing ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    const { sql } = await database();
    const runId = await sql.transaction(async (q) => {
      const id = await insertRun(q);
      // Failing names interleave across the statements: the first five of all, in order.
      await q.copyText(
        CASE_COLUMNS,
        cases(id, [
          ["f2", "failed", [control.id]],
          ["f4", "errored", [control.id, other.id]],
          ["f6", "failed", [control.id]],
          ["p1", "passed", [control.id]],
          ["s1", "skipped", [control.id]],
          ["p3", "passed", [passing.id, other.id]],
          ["s2", "skipped", [passing.id]],
        ]),
      );
      await q.copyText(
        CASE_COLUMNS,
        cases(id, [
          ["f1", "failed", [control.id]],
          ["f3", "failed", [control.id]],
          ["f5", "errored", [control.id]],
          ["p2", "passed", [other.id]],
          ["u", "passed", []],
        ]),
      );
      return id;
    });
    const prisma = await db();
    const summary = await prisma.testRunControl.findMany({
      where: { runId },
      select: { controlId: true, total: true, passed: true, failing: true, failingNames: true },
    });
    expect(summary).toEqual(
      expect.arrayContaining([
        {
          controlId: control.id,
          total: 7,
          passed: 1,
          failing: 6,
          failingNames: ["f1", "f2", "f3", "f4", "f5"],
        },
        { controlId: other.id, total: 3, passed: 2, failing: 1, failingNames: ["f4"] },
        // No failing case: no names (the skipped case is not counted in the total).
        { controlId: passing.id, total: 1, passed: 1, failing: 0, failingNames: [] },
      ]),
    );
    expect(summary).toHaveLength(3);
  });

  it.runIf(TEST_LANE === "postgresql")(
    "hold a run while cases are added to it: a delete waits, then takes them all",
    async () => {
      const { sql } = await database();
      const runId = await sql.transaction((q) => insertRun(q));
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let added!: () => void;
      const inserted = new Promise<void>((r) => (added = r));
      const adding = sql.transaction(async (q) => {
        await q.copyText(CASE_COLUMNS, cases(runId, [["late", "passed", []]]));
        added();
        await held;
      });
      await inserted;
      let deleted = false;
      const deleting = sql
        .transaction((q) => q.query(`DELETE FROM "test_runs" WHERE "id" = $1::uuid`, [runId]))
        .then(() => (deleted = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(deleted).toBe(false);
      release();
      await adding;
      await deleting;
      expect(await count(runId)).toBe(0);
    },
  );
});
