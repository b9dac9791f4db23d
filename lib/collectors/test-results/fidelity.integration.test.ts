import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { verifyActivityChain } from "@/lib/activity/verify";
import { makeUser } from "@/lib/testing/fixtures";
import { addDays } from "@/lib/dates";
import { ingestTestResults } from "./ingest";

// A writer that fails half-way through a run labelled "explode": the ingest must store nothing.
vi.mock("./automated-evidence", async (importOriginal) => {
  const original = await importOriginal<typeof import("./automated-evidence")>();
  return {
    ...original,
    insertAutomatedEvidence: (...args: Parameters<typeof original.insertAutomatedEvidence>) => {
      if (args[4] === "explode") throw new Error("disk full");
      return original.insertAutomatedEvidence(...args);
    },
  };
});

async function control(criterion: string) {
  return createControl(await makeUser("admin"), {
    title: `Fidelity ${Math.random()}`,
    description: "",
    ownerId: null,
    implementation: "implemented",
    naJustification: null,
    locations: [],
    criteria: [criterion],
  });
}

/** A wall-clock time two days ago, written without a zone as JUnit tools do. */
const zoneless = (at: Date) => at.toISOString().slice(0, 19);

describe("test-result fidelity, stored", () => {
  it("a summary-only suite is counted from its declared numbers, marked, and puts its controls at risk", async () => {
    const c = await control("CC7.2");
    const engineer = await makeUser("engineer");
    const at = addDays(new Date(), -2);
    const file = `<testsuites>
      <testsuite name="summary-${Math.random()}" tests="120" failures="2" errors="1" timestamp="${zoneless(at)}">
        <properties><property name="control" value="${c.ref}"/></properties>
      </testsuite></testsuites>`;
    const r = await ingestTestResults(engineer, file, { via: "upload" });
    expect(r.totals).toMatchObject({ tests: 120, failed: 2, errored: 1, passed: 117 });
    expect(r.mapped.controls).toEqual([c.ref]);
    const run = await (await db()).testRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run.summaryOnly).toHaveLength(1);
    expect(run.tests).toBe(120);
    const status = (await computeWorkspaceStatus(engineer)).controls.get(c.id)!;
    expect(status.status).toBe("at_risk");
    expect(status.reasons[0]?.text).toMatch(/summary only: 120 tests, 2 failed, 1 errored/);
    expect((await verifyActivityChain(await makeUser("admin"))).ok).toBe(true);
  });

  it("reads zone-less timestamps in the zone given for the source", async () => {
    const engineer = await makeUser("engineer");
    const wall = addDays(new Date(), -3);
    wall.setUTCHours(12, 0, 0, 0);
    const file = `<testsuite name="tz-${Math.random()}" timestamp="${zoneless(wall)}"><testcase name="a"/></testsuite>`;
    const r = await ingestTestResults(engineer, file, { via: "api", timeZone: "Asia/Tokyo" });
    const run = await (await db()).testRun.findUniqueOrThrow({ where: { id: r.runId } });
    expect(run.startedAt.toISOString()).toBe(
      new Date(wall.getTime() - 9 * 3_600_000).toISOString(),
    );
  });

  it("stores nothing when a write fails half-way, and the same file goes in afterwards", async () => {
    const c = await control("CC6.1");
    const engineer = await makeUser("engineer");
    const prisma = await db();
    const before = {
      runs: await prisma.testRun.count(),
      cases: await prisma.testCaseResult.count(),
      evidence: await prisma.evidence.count(),
      activity: await prisma.activity.count(),
    };
    const file = `<testsuite name="boom-${Math.random()}">${'<testcase name="x"><properties><property name="control" value="CTL"/></properties></testcase>'.replace("CTL", c.ref).repeat(30)}</testsuite>`;
    await expect(
      ingestTestResults(engineer, file, { via: "api", source: "explode" }),
    ).rejects.toThrow(/disk full/);
    expect({
      runs: await prisma.testRun.count(),
      cases: await prisma.testCaseResult.count(),
      evidence: await prisma.evidence.count(),
      activity: await prisma.activity.count(),
    }).toEqual(before);
    const ok = await ingestTestResults(engineer, file, { via: "api", source: "ci" });
    expect(ok).toMatchObject({ duplicate: false, totals: { tests: 30 } });
    expect(await prisma.testCaseResult.count({ where: { runId: ok.runId } })).toBe(30);
  });
});
