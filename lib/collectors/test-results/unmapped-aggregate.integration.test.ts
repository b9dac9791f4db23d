// unmapped_tests is kept by triggers: whatever writes cases (an ingest, a run arriving out of
// order, a mapping rule applied to stored cases, a deleted run), the /tests list read from it
// must equal the one computed from the cases of the last ten runs.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "./ingest";
import { listUnmappedTests, type UnmappedTest } from "./queries";
import { createMappingRule } from "./rules";

/** The list as the page computed it before the aggregate: from the cases themselves. */
async function fromCases(): Promise<UnmappedTest[]> {
  return (await db()).$queryRaw<UnmappedTest[]>`
    WITH recent AS (
      SELECT id, started_at, ingested_at FROM "test_runs"
      ORDER BY started_at DESC, ingested_at DESC LIMIT 10
    )
    SELECT * FROM (
      SELECT DISTINCT ON (c.suite, c.classname, c.name, c.file)
             c.suite, c.classname, c.name, c.file, c.status::text AS "lastStatus"
      FROM recent r JOIN "test_case_results" c ON c.run_id = r.id
      WHERE cardinality(c.control_ids) = 0
      ORDER BY c.suite, c.classname, c.name, c.file, r.started_at DESC, r.ingested_at DESC
    ) u ORDER BY suite, classname, name, file`;
}

async function listed(): Promise<UnmappedTest[]> {
  const out: UnmappedTest[] = [];
  for (let page = 1; ; page++) {
    const { tests, slice } = await listUnmappedTests(admin!, page);
    out.push(...tests);
    if (page >= slice.pages) return out;
  }
}

let admin: Awaited<ReturnType<typeof makeUser>> | undefined;

const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 19);

/** A run `daysAgo`: tests a0..a4 (the one at `fail` failing), plus extra names given. */
function junit(daysAgo: number, tag: string, fail: number, extra: string[] = []): string {
  const names = [...Array.from({ length: 5 }, (_, i) => `a${i}`), ...extra];
  const cases = names
    .map((n, i) =>
      i === fail
        ? `<testcase classname="agg.${tag}" name="${n}"><failure message="x"/></testcase>`
        : `<testcase classname="agg.${tag}" name="${n}"/>`,
    )
    .join("");
  // One test without a class, one with an empty class: two different tests.
  const odd = `<testcase name="noclass-${tag}"/><testcase classname="" name="noclass-${tag}"/>`;
  return `<?xml version="1.0"?><testsuite name="agg-${tag}" timestamp="${day(daysAgo)}">${cases}${odd}</testsuite>`;
}

describe("the unmapped tests aggregate", () => {
  it("equals the list computed from the cases after ingest, out-of-order runs, rules and deletions", async () => {
    admin = await makeUser("admin");
    const tag = Math.random().toString(36).slice(2, 8);
    const check = async () => expect(await listed()).toEqual(await fromCases());

    for (const d of [20, 18, 16, 14, 12, 10, 8, 6, 4]) {
      await ingestTestResults(admin, junit(d, tag, d % 5, d === 20 ? [`gone-${tag}`] : []), {
        via: "upload",
      });
    }
    await check();
    // A run dated before the others arrives last: it does not become the tests' newest run.
    await ingestTestResults(admin, junit(30, tag, 4, [`old-${tag}`]), { via: "upload" });
    await check();
    // Two more runs push the run with gone-… out of the last ten.
    await ingestTestResults(admin, junit(3, tag, 0), { via: "upload" });
    await ingestTestResults(admin, junit(2, tag, 1), { via: "upload" });
    await check();
    expect((await listed()).some((t) => t.name === `gone-${tag}`)).toBe(false);
    // The newest run failed a1: its status wins over the older runs' (and the late old one's).
    expect((await listed()).find((t) => t.name === "a1")?.lastStatus).toBe("failed");

    // A rule maps a1 everywhere: it leaves the list.
    const control = await makeControl(admin, { title: `Aggregate ${tag}`, criteria: ["CC7.1"] });
    await createMappingRule(admin, { field: "name", pattern: "a1", controlId: control.id });
    await check();
    expect((await listed()).some((t) => t.name === "a1" && t.classname === `agg.${tag}`)).toBe(
      false,
    );

    // Deleting the newest runs: the tests fall back to their status in the runs before, and the
    // run with gone-… is among the last ten again.
    const prisma = await db();
    const newest = await prisma.testRun.findMany({
      orderBy: [{ startedAt: "desc" }, { ingestedAt: "desc" }],
      take: 2,
      select: { id: true },
    });
    await prisma.testRun.deleteMany({ where: { id: { in: newest.map((r) => r.id) } } });
    await check();
    expect((await listed()).some((t) => t.name === `gone-${tag}`)).toBe(true);
    const a0 = (await listed()).find((t) => t.name === "a0" && t.classname === `agg.${tag}`);
    expect(a0?.lastStatus).toBe("passed"); // the run 4 days ago failed a4, not a0
    expect((await listed()).filter((t) => t.name === `noclass-${tag}`)).toHaveLength(2);
  });

  it(
    "moves its rows to a newer run in place: heap-only updates, no index entry written",
    { timeout: 30_000 },
    async () => {
      admin ??= await makeUser("admin");
      const tag = Math.random().toString(36).slice(2, 8);
      const prisma = await db();
      // The table's update counters, once this session's own counts have reached them.
      const counters = async () => {
        await prisma.$executeRawUnsafe(`SELECT pg_stat_force_next_flush()`);
        await prisma.$executeRawUnsafe(`SELECT pg_stat_clear_snapshot()`);
        const [row] = await prisma.$queryRaw<{ upd: number; hot: number }[]>`
        SELECT n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot
        FROM pg_stat_user_tables WHERE relid = '"unmapped_tests"'::regclass`;
        return row!;
      };
      await ingestTestResults(admin, junit(40, tag, 0), { via: "upload" });
      const before = await counters();
      await ingestTestResults(admin, junit(1, tag, 1), { via: "upload" });
      const tests = await prisma.unmappedTestLatest.count({ where: { suite: `agg-${tag}` } });
      expect(tests).toBeGreaterThan(0);
      // Each test moves to the newer run. The counts reach the view when the backend that wrote
      // them has been idle for a while: up to 10 s on PostgreSQL (a pooled connection wrote them).
      let after = await counters();
      for (let i = 0; i < 150 && after.upd - before.upd < tests; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await counters();
      }
      expect(after.upd - before.upd).toBeGreaterThanOrEqual(tests);
      expect(after.hot - before.hot).toBeGreaterThanOrEqual(tests);
      expect(after.hot - before.hot).toBe(after.upd - before.upd);
      // Room is left on each page for the new versions, as the table grows.
      const [table] = await prisma.$queryRaw<{ options: string[] | null }[]>`
        SELECT reloptions AS options FROM pg_class WHERE oid = '"unmapped_tests"'::regclass`;
      expect(table?.options).toContain("fillfactor=50");
    },
  );
});
