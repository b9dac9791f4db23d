// Issue 10, point 5, for runs mapped after they arrived: a mapping rule applied to stored runs
// judges each token run against the new control's freshness window as it was when the run
// arrived — left out for a strict control, counted for a lenient one, never for a person's upload.
import { describe, expect, it, vi } from "vitest";
import { POST as postResults } from "@/app/api/v1/test-results/route";
import { db } from "@/lib/db";
import { testSignals } from "@/lib/status/test-signals";
import { makeControl, makeToken, makeUser } from "@/lib/testing/fixtures";
import { addDays } from "@/lib/dates";
import { ingestTestResults } from "./ingest";
import { createMappingRule } from "./rules";

vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

describe("a mapping rule applied to stored runs (issue 10)", () => {
  it("judges staleness per control, as on the run's arrival", async () => {
    const admin = await makeUser("admin");
    const control = (title: string) => makeControl(admin, { title, criteria: ["PI1.4"] });
    const strict = await control(`Rule strict ${Math.random()}`);
    const lenient = await control(`Rule lenient ${Math.random()}`);
    const prisma = await db();
    await prisma.control.update({ where: { id: lenient.id }, data: { testFreshnessDays: 90 } });
    const { token } = await makeToken(admin);

    // Untagged tests arriving late: pushed with a token 20 days after they ran, and uploaded by
    // a person (not judged) 30 days after.
    const tag = Math.random().toString(36).slice(2);
    const file = (who: string) => `<?xml version="1.0"?>
<testsuite name="rules-${tag}-${who}" timestamp="${addDays(new Date(), who === "token" ? -20 : -30)
      .toISOString()
      .slice(0, 19)}">
  <testcase classname="Rules" name="strictrule-${tag}-${who}"><failure message="leak"/></testcase>
  <testcase classname="Rules" name="lenientrule-${tag}-${who}"><failure message="leak"/></testcase>
</testsuite>`;
    const res = await postResults(
      new Request("http://127.0.0.1/api/v1/test-results", {
        method: "POST",
        body: file("token"),
        headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      }),
    );
    expect(res.status).toBe(201);
    const pushed = (await res.json()) as { runId: string; mapped: { tests: number } };
    expect(pushed.mapped.tests).toBe(0);
    const uploaded = await ingestTestResults(admin, file("upload"), { via: "upload" });

    await createMappingRule(admin, {
      field: "name",
      pattern: `strictrule-${tag}-*`,
      controlId: strict.id,
    });
    await createMappingRule(admin, {
      field: "name",
      pattern: `lenientrule-${tag}-*`,
      controlId: lenient.id,
    });

    const run = await prisma.testRun.findUniqueOrThrow({ where: { id: pushed.runId } });
    expect(run.notCurrentReason).toBeNull();
    expect(run.notCurrentControls).toEqual([strict.id]);
    const person = await prisma.testRun.findUniqueOrThrow({ where: { id: uploaded.runId } });
    expect(person.notCurrentControls).toEqual([]);

    // The lenient control's latest run is the token's; the strict one skips it for the upload.
    const signals = await testSignals(prisma);
    const from = (id: string) => (signals.get(id) ?? []).map((s) => s.source?.id);
    expect(from(lenient.id)).toContain(pushed.runId);
    expect(from(strict.id)).not.toContain(pushed.runId);
    expect(from(strict.id)).toContain(uploaded.runId);

    // The rule's evidence comes from the newest run mapped, the token's: in review with the
    // reason for the strict control, accepted for the lenient one.
    const evidence = await prisma.evidence.findMany({
      where: { testRunId: { in: [pushed.runId, uploaded.runId] } },
      select: {
        testRunId: true,
        reviewState: true,
        notCurrentReason: true,
        tokenId: true,
        controls: true,
      },
    });
    expect(evidence.map((e) => e.testRunId)).toEqual([pushed.runId, pushed.runId]);
    for (const e of evidence) {
      const forStrict = e.controls.some((c) => c.controlId === strict.id);
      const stale = e.testRunId === pushed.runId && forStrict;
      expect(e.reviewState).toBe(stale ? "in_review" : "accepted");
      expect(e.notCurrentReason === null).toBe(!stale);
      expect(e.tokenId).toBe(e.testRunId === pushed.runId ? run.tokenId : null);
    }
  });
});
