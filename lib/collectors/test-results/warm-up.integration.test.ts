import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults, rehearseIngest } from "./ingest";
import { sampleJUnit } from "./sample-junit";
import { WARM_UP_CASES, warmUpIngest } from "./warm-up";

/** Every table an ingest writes, and the data versions status is memoised on (one per part). */
async function written() {
  const prisma = await db();
  const [row] = await prisma.$queryRawUnsafe<Record<string, bigint>[]>(
    `SELECT (SELECT count(*) FROM "test_runs") AS runs,
            (SELECT count(*) FROM "test_case_results") AS cases,
            (SELECT count(*) FROM "test_run_controls") AS run_controls,
            (SELECT count(*) FROM "unmapped_tests") AS unmapped,
            (SELECT count(*) FROM "evidence") AS evidence,
            (SELECT count(*) FROM "evidence_controls") AS evidence_controls,
            (SELECT count(*) FROM "activity") AS activity,
            (SELECT json_agg("version" ORDER BY "id") FROM "status_data_version") AS versions`,
  );
  return row;
}

const system = { kind: "system", id: null, email: "test" } as const;

describe("the ingest warm-up", () => {
  it("goes through whole ingests, mapped cases, evidence and activity included, and stores nothing", async () => {
    // A control for the generated suites' criterion, so the rehearsal maps cases and writes evidence.
    await makeControl(await makeUser("admin"), {
      title: `Warm-up ${Math.random()}`,
      criteria: ["CC6.1"],
    });
    const before = await written();
    expect(await warmUpIngest(2)).toBe(2 * WARM_UP_CASES);
    expect(await written()).toEqual(before);
  });

  it("answers as the ingest would, and the same file ingested afterwards is stored, not a duplicate", async () => {
    const file = `${sampleJUnit(300, 5)}\n<!-- rehearsal ${Math.random()} -->`;
    const before = await written();
    const rehearsed = await rehearseIngest(system, file, { via: "api", source: "rehearsal" });
    expect(await written()).toEqual(before);
    const stored = await ingestTestResults(system, file, { via: "api", source: "rehearsal" });
    expect(stored.duplicate).toBe(false);
    expect(rehearsed.totals).toEqual(stored.totals);
    expect(rehearsed.mapped.tests).toBe(stored.mapped.tests);
    expect(rehearsed.runId).not.toBe(stored.runId);
    const after = await written();
    expect(after!.runs).toBe(before!.runs! + 1n);
    expect(after!.cases).toBe(before!.cases! + 300n);
  });

  it("refuses an actor without the ingest capability, as the ingest does", async () => {
    const auditor = await makeUser("auditor");
    await expect(rehearseIngest(auditor, sampleJUnit(100, 1), { via: "upload" })).rejects.toThrow(
      /not allowed/,
    );
  });
});
