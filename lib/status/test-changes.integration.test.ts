import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { loadStatusInputs, partVersions, type KeptInput } from "./status-inputs";
import { controlsChanged, KEPT_VERSIONS } from "./test-changes";

const junit = (refs: string[], name: string, failing: boolean, at: Date) => `<?xml version="1.0"?>
<testsuite name="changes" tests="1" timestamp="${at.toISOString().slice(0, 19)}">
  <properties><property name="soc2" value="${refs.join(",")}"/></properties>
  <testcase classname="changes" name="${name}">${failing ? "<failure>x</failure>" : ""}</testcase>
</testsuite>`;

describe("status after a test run re-reads only the controls it changed", () => {
  it("notes the controls each change touched, and the kept input equals a load from scratch", async () => {
    const admin = await makeUser("admin");
    const stamp = Date.now();
    const a = await makeControl(admin, { title: `Changes A ${stamp}`, criteria: ["CC7.1"] });
    const b = await makeControl(admin, { title: `Changes B ${stamp}`, criteria: ["CC7.1"] });
    const prisma = await db();
    const period = { start: addDays(startOfUtcDay(new Date()), -30), end: addDays(new Date(), 1) };
    const kept: KeptInput = { cache: new Map(), versions: await partVersions(prisma) };
    let since = kept.versions.tests;
    // What changed since the last step, then status's input with the kept pieces against a load
    // without them.
    const step = async () => {
      const versions = await partVersions(prisma);
      const changed = await controlsChanged(prisma, since, versions.tests);
      since = versions.tests;
      kept.versions = versions;
      const now = new Date();
      const incremental = await loadStatusInputs(prisma, now, period, kept);
      const scratch = await loadStatusInputs(prisma, now, period);
      expect(incremental.tests).toEqual(scratch.tests);
      expect(incremental.records.runDays).toEqual(scratch.records.runDays);
      return { changed: changed?.sort() ?? null, inputs: incremental };
    };
    await step();

    const ingest = async (refs: string[], name: string, failing: boolean, daysAgo: number) =>
      (
        await ingestTestResults(admin, junit(refs, name, failing, addDays(new Date(), -daysAgo)), {
          via: "api",
          source: "changes",
        })
      ).runId;

    const first = await ingest([a.ref], "test_a", true, 2);
    let s = await step();
    expect(s.changed).toEqual([a.id]);
    expect(s.inputs.tests.get(a.id)?.[0]?.source?.id).toBe(first);

    const second = await ingest([a.ref, b.ref], "test_ab", false, 1);
    s = await step();
    expect(s.changed).toEqual([a.id, b.id].sort());
    expect(s.inputs.tests.has(a.id)).toBe(false);
    expect(s.inputs.records.runDays.get(b.id)).toHaveLength(1);

    // The newer run stops counting for A: A's latest run is the failing one again.
    await prisma.$executeRaw`
      UPDATE "test_runs" SET "not_current_controls" = ARRAY[${a.id}::uuid] WHERE "id" = ${second}::uuid`;
    s = await step();
    expect(s.changed).toEqual([a.id, b.id].sort());
    expect(s.inputs.tests.get(a.id)?.[0]?.source?.id).toBe(first);

    // A deleted run takes its rows with it: B has no runs left.
    await prisma.$executeRaw`DELETE FROM "test_runs" WHERE "id" = ${second}::uuid`;
    s = await step();
    expect(s.changed).toEqual([a.id, b.id].sort());
    expect(s.inputs.records.runDays.has(b.id)).toBe(false);

    // A rolled-back write leaves no note behind; a write to another part notes nothing.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "test_runs" SET "source" = "source" WHERE "id" = ${first}::uuid`;
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await prisma.control.update({ where: { id: b.id }, data: { title: `Changes B2 ${stamp}` } });
    s = await step();
    expect(s.changed).toEqual([]);
    const [unstamped] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "status_test_changes" WHERE "version" IS NULL`;
    expect(unstamped?.n).toBe(0);
  });

  it("says every control may have changed when the notes since then were dropped", async () => {
    const prisma = await db();
    const { tests } = await partVersions(prisma);
    expect(await controlsChanged(prisma, tests, tests)).toEqual([]);
    expect(await controlsChanged(prisma, tests - KEPT_VERSIONS, tests + 1n)).toBeNull();
  });
});
