// Issue 10, point 5: a run older than one control's freshness window when it arrived, but within
// another's, counts for the second control only — in status, coverage and the audit package.
import { describe, expect, it, vi } from "vitest";
import { POST as postResults } from "@/app/api/v1/test-results/route";
import { db } from "@/lib/db";
import { loadCoverageRecords } from "@/lib/coverage/load-records";
import { collectPackageData } from "@/lib/package/collect";
import { testSignals } from "@/lib/status/test-signals";
import { makeControl, makeToken, makeUser } from "@/lib/testing/fixtures";
import { addDays, isoDay } from "@/lib/dates";

vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

describe("staleness per control (issue 10)", () => {
  it("a run stale for one control and current for another counts for the second only", async () => {
    const admin = await makeUser("admin");
    const strict = await makeControl(admin, {
      title: `Strict freshness ${Date.now()}`,
      criteria: ["PI1.5"],
    });
    const lenient = await makeControl(admin, {
      title: `Lenient freshness ${Date.now()}`,
      criteria: ["PI1.5"],
    });
    const prisma = await db();
    // strict keeps the default 7 days; lenient accepts runs up to 90 days old.
    await prisma.control.update({ where: { id: lenient.id }, data: { testFreshnessDays: 90 } });
    const { token } = await makeToken(admin);

    const at = addDays(new Date(), -20);
    const body = `<?xml version="1.0"?>
<testsuite name="staleness" tests="1" failures="1" timestamp="${at.toISOString().slice(0, 19)}">
  <properties><property name="soc2" value="${strict.ref},${lenient.ref}"/></properties>
  <testcase classname="Stale" name="tenant read"><failure message="leak"/></testcase>
</testsuite>`;
    const res = await postResults(
      new Request("http://127.0.0.1/api/v1/test-results", {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      }),
    );
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.notCurrent).toMatchObject({ controls: [strict.ref] });

    const run = await prisma.testRun.findUniqueOrThrow({ where: { id: out.runId } });
    expect(run.notCurrentReason).toBeNull();
    expect(run.notCurrentControls).toEqual([strict.id]);

    // Status: the failing run holds the lenient control at risk, not the strict one.
    const signals = await testSignals(prisma);
    expect(signals.get(lenient.id)?.[0]?.source?.id).toBe(out.runId);
    expect(signals.get(strict.id)?.some((s) => s.source?.id === out.runId) ?? false).toBe(false);

    // Coverage: the run's day is covered for the lenient control only.
    const records = await loadCoverageRecords(prisma, {
      start: addDays(new Date(), -60),
      end: addDays(new Date(), 1),
    });
    const day = isoDay(at);
    const days = (id: string) => (records.runDays.get(id) ?? []).map((d) => isoDay(d.day));
    expect(days(lenient.id)).toContain(day);
    expect(days(strict.id)).not.toContain(day);

    // The audit package lists the run under both, saying which one it does not count for.
    const data = await collectPackageData(admin, {
      from: isoDay(addDays(new Date(), -60)),
      to: isoDay(new Date()),
    });
    const packaged = data.testRuns.find((r) => r.id === out.runId)!;
    expect(packaged.controls).toEqual([strict.ref, lenient.ref].sort());
    expect(packaged.notCurrentFor).toEqual([strict.ref]);
    expect(packaged.notCurrentReason).toBeNull();
  });
});
