import { dedupeKeyOf } from "@/lib/collectors/audit/dedupe-key";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { addExpectedEvent } from "@/lib/collectors/audit/expected-events";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { coverageExceptionsCsv, coverageMatrix, coveragePage } from "./coverage-view";
import { coverageFilterSchema } from "./schemas";

// Every date is computed from today: the period is the last 84 days (twelve ISO-ish weeks).
const today = startOfUtcDay(new Date());
const ago = (n: number) => addDays(today, -n);

const junit = (at: Date, ref: string, failing: boolean) => `<?xml version="1.0"?>
<testsuite name="isolation" tests="1" timestamp="${at.toISOString().slice(0, 19)}">
  <properties><property name="control" value="${ref}"/></properties>
  <testcase classname="isolation" name="test_rls">${failing ? "<failure>x</failure>" : ""}</testcase>
</testsuite>`;

async function control(
  admin: Awaited<ReturnType<typeof makeUser>>,
  title: string,
  frequency?: "weekly",
) {
  return createControl(admin, {
    title,
    description: "",
    ownerId: admin.id,
    implementation: "implemented",
    naJustification: null,
    frequency,
    locations: [],
    criteria: ["CC7.2"],
  });
}

describe("coverage over the audit period, from the database", () => {
  it("judges each occurrence from dated evidence, runs, events and items; status and CSV follow", async () => {
    const prisma = await db();
    const admin = await makeUser("admin");
    await prisma.workspace.update({
      where: { id: WORKSPACE_ID },
      data: { auditPeriodStart: ago(83), auditPeriodEnd: today },
    });

    // Weekly review: evidence covering the first five weeks and the last three; nothing between.
    const review = await control(admin, "Weekly log review", "weekly");
    for (const [from, to] of [
      [83, 49],
      [20, 0],
    ] as const)
      await prisma.evidence.create({
        data: {
          title: `Log review ${from}-${to}`,
          kind: "note",
          body: "reviewed",
          evidenceDate: ago(to),
          periodStart: ago(from),
          periodEnd: ago(to),
          reviewState: "accepted",
          controls: { create: [{ controlId: review.id }] },
        },
      });
    // Tested nightly (derived daily): runs only in the last 10 days, one failing. Entered today,
    // it existed since its first run: the days before are not judged.
    const tested = await control(admin, "Row level security");
    for (let d = 10; d >= 1; d--)
      await ingestTestResults(
        admin,
        junit(new Date(ago(d).getTime() + 3_600_000), tested.ref, d === 5),
        { via: "upload", source: "ci", commit: `c${d}` },
      );
    // Monitoring expects login_failed weekly; events stop 30 days ago.
    const monitor = await control(admin, "Failed login monitoring");
    await addExpectedEvent(admin, {
      controlId: monitor.id,
      action: "login_failed",
      maxSilenceDays: 7,
    });
    await storeAuditEvents(
      admin,
      Array.from({ length: 54 }, (_, i) => ({
        occurredAtMs: ago(83 - i).getTime() + 7_200_000,
        action: "login_failed",
        actor: null,
        organisation: null,
        ip: null,
        outcome: "failure",
        target: null,
        metadataJson: null,
        dedupeKey: dedupeKeyOf(`it-${i}`, ""),
      })),
      "test",
    );
    // An open P1 item linked to the review control: exceptions while it is open.
    await prisma.backlogItem.create({
      data: {
        key: "BL-900",
        title: "Review misses service accounts",
        priority: "P1",
        controls: { create: [{ controlId: review.id }] },
      },
    });

    const status = await computeWorkspaceStatus(admin);
    const r = status.coverage.get(review.id)!;
    expect(r.frequency).toBe("weekly");
    expect(r.uncovered).toHaveLength(1);
    expect(r.uncovered[0]!.text).toMatch(/^No evidence \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
    expect(r.exceptions.map((e) => e.kind)).toEqual(["critical_item"]);
    expect(status.controls.get(review.id)!.status).not.toBe("met");
    expect(status.controls.get(review.id)!.reasons.map((x) => x.text)).toContain(
      r.uncovered[0]!.text,
    );

    const t = status.coverage.get(tested.id)!;
    expect([t.frequency, t.derived]).toEqual(["daily", true]);
    expect(t.exceptions.map((e) => [e.kind, isoDay(e.start)])).toEqual([
      ["failed_run", isoDay(ago(5))],
    ]);
    expect(t.uncovered).toEqual([]);
    expect(t.occurrences.filter((o) => o.state === "before")).toHaveLength(73);
    expect([t.judged, t.operated]).toEqual([10, 10]); // today is under way

    const m = status.coverage.get(monitor.id)!;
    expect(m.frequency).toBe("weekly");
    expect(m.uncovered.at(-1)!.text).toMatch(/^No `login_failed` events /);
    expect(m.exceptions.map((e) => e.text)).toEqual([
      `No \`login_failed\` events ${isoDay(ago(29))} – ${isoDay(today)} (silence tolerated: 7 days)`,
    ]);

    const matrix = await coverageMatrix(admin, coverageFilterSchema.parse({ frequency: "weekly" }));
    expect(matrix.rows.map((x) => x.title).sort()).toEqual([
      "Failed login monitoring",
      "Weekly log review",
    ]);
    expect(matrix.columns.length).toBeGreaterThanOrEqual(12);
    // The page draws cells for the rows it shows; a page past the end shows the last one.
    const page = await coveragePage(admin, coverageFilterSchema.parse({ frequency: "weekly" }), 9);
    expect(page.slice).toMatchObject({ page: 1, pages: 1, total: 2 });
    expect(page.shown.map((x) => x.title)).toEqual(matrix.rows.map((x) => x.title));
    for (const row of page.shown) expect(row.cells).toHaveLength(matrix.columns.length);

    const csv = await coverageExceptionsCsv(admin, coverageFilterSchema.parse({ owner: admin.id }));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("control,title,owner,frequency,criteria,kind,from,to,description,link");
    expect(lines.filter((l) => l.includes(",failed_run,"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(",silence,"))).toHaveLength(1);
    expect(lines.some((l) => l.includes(`,critical_item,`) && l.includes("/backlog/"))).toBe(true);
    expect(
      await prisma.activity.count({ where: { action: "export.csv", entityType: "coverage" } }),
    ).toBe(1);
    await expect(coverageExceptionsCsv(null, coverageFilterSchema.parse({}))).rejects.toMatchObject(
      {
        code: "unauthenticated",
      },
    );
  });
});
