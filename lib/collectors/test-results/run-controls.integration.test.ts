import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays } from "@/lib/dates";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "./ingest";
import { createMappingRule } from "./rules";

// test_run_controls is kept by triggers: whatever writes cases, the per-run summary the status
// engine and coverage read must match a count over the cases themselves.
async function summaryOf(runId: string) {
  return (await db()).testRunControl.findMany({
    where: { runId },
    orderBy: { controlId: "asc" },
    select: { controlId: true, total: true, passed: true, failing: true, failingNames: true },
  });
}

async function countedFromCases(runId: string) {
  type Row = {
    controlId: string;
    total: number;
    passed: number;
    failing: number;
    failingNames: string[];
  };
  return (await db()).$queryRaw<Row[]>`
    SELECT cid::text AS "controlId", count(*) FILTER (WHERE status <> 'skipped')::int AS total,
           count(*) FILTER (WHERE status = 'passed')::int AS passed,
           count(*) FILTER (WHERE status IN ('failed', 'errored'))::int AS failing,
           coalesce((array_agg(name ORDER BY name)
             FILTER (WHERE status IN ('failed', 'errored')))[1:5], '{}') AS "failingNames"
    FROM "test_case_results" CROSS JOIN LATERAL unnest(control_ids) AS cid
    WHERE run_id = ${runId}::uuid GROUP BY cid ORDER BY cid`;
}

describe("the per-run, per-control summary of test results", () => {
  it("follows ingest, a mapping rule that re-maps stored cases, and a deleted run", async () => {
    const admin = await makeUser("admin");
    const control = (title: string) => makeControl(admin, { title, criteria: ["CC7.1"] });
    const tagged = await control(`Summary tagged ${Math.random()}`);
    const ruled = await control(`Summary ruled ${Math.random()}`);
    const tag = Math.random().toString(36).slice(2);
    const file = `<testsuite name="summary-${tag}" timestamp="${addDays(new Date(), -1).toISOString()}">
      <properties><property name="control" value="${tagged.ref}"/></properties>
      <testcase name="a"/><testcase name="b"><failure message="x"/></testcase>
      <testcase name="c"><skipped/></testcase>
      <testcase name="unmapped-${tag}-1" classname="plain"/>
      <testcase name="unmapped-${tag}-2" classname="plain"><error message="y"/></testcase>
    </testsuite>`;
    const { runId } = await ingestTestResults(admin, file, { via: "upload" });

    // Suite properties map every case of the suite to the tagged control.
    expect(await summaryOf(runId)).toEqual([
      {
        controlId: tagged.id,
        total: 4,
        passed: 2,
        failing: 2,
        failingNames: ["b", `unmapped-${tag}-2`],
      },
    ]);
    expect(await summaryOf(runId)).toEqual(await countedFromCases(runId));

    const prisma = await db();
    await prisma.testCaseResult.updateMany({
      where: { runId, name: { startsWith: `unmapped-${tag}` } },
      data: { controlIds: [] },
    });
    expect(await summaryOf(runId)).toEqual([
      { controlId: tagged.id, total: 2, passed: 1, failing: 1, failingNames: ["b"] },
    ]);
    await createMappingRule(admin, {
      field: "name",
      pattern: `unmapped-${tag}-*`,
      controlId: ruled.id,
    });
    const after = await summaryOf(runId);
    expect(after).toEqual(await countedFromCases(runId));
    expect(after).toContainEqual({
      controlId: ruled.id,
      total: 2,
      passed: 1,
      failing: 1,
      failingNames: [`unmapped-${tag}-2`],
    });

    await prisma.testRun.delete({ where: { id: runId } });
    expect(await summaryOf(runId)).toEqual([]);
  });
});
