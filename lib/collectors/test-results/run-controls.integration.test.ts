import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { makeUser } from "@/lib/testing/fixtures";
import { controlTestHistory } from "./queries";
import { createMappingRule } from "./rules";

const control = (admin: Awaited<ReturnType<typeof makeUser>>, title: string) =>
  createControl(admin, {
    title,
    description: "",
    ownerId: null,
    implementation: "implemented",
    naJustification: null,
    locations: [],
    criteria: ["CC7.1"],
  });

// test_run_controls is kept by a trigger: whatever writes cases (a COPY, Prisma, a rule applied
// to past runs, a deleted run), the per-run totals status and coverage read follow.
describe("per-run totals of each control's mapped tests", () => {
  it("follow cases as they are added, remapped by a rule, and deleted with their run", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const a = await control(admin, "Tagged control");
    const b = await control(admin, "Rule control");
    const run = await prisma.testRun.create({
      data: {
        contentSha256: `sha-${Date.now()}`,
        format: "junit",
        startedAt: new Date(Date.now() - 3_600_000),
        durationMs: 10,
        tests: 4,
        passed: 2,
        failed: 1,
        errored: 0,
        skipped: 1,
        flaky: 0,
        ingestedVia: "test",
        ingestedBy: "test",
        cases: {
          create: [
            { suite: "s", name: "z_ok", status: "passed", durationMs: 1, controlIds: [a.id] },
            { suite: "s", name: "b_fail", status: "failed", durationMs: 1, controlIds: [a.id] },
            { suite: "s", name: "skip", status: "skipped", durationMs: 1, controlIds: [a.id] },
            { suite: "login", name: "login_ok", status: "passed", durationMs: 1, controlIds: [] },
          ],
        },
      },
    });
    const rows = () =>
      prisma.testRunControl.findMany({ where: { runId: run.id }, orderBy: { total: "desc" } });
    expect(await rows()).toEqual([
      {
        runId: run.id,
        controlId: a.id,
        total: 2,
        passed: 1,
        failing: 1,
        failingNames: ["b_fail"],
      },
    ]);
    await createMappingRule(admin, { field: "suite", pattern: "login", controlId: b.id });
    expect((await rows()).map((r) => [r.controlId, r.total, r.passed, r.failing])).toEqual([
      [a.id, 2, 1, 1],
      [b.id, 1, 1, 0],
    ]);
    const history = await controlTestHistory(admin, a.id);
    expect(history.points.map((p) => [p.runId, p.total, p.passed, p.failing])).toEqual([
      [run.id, 2, 1, 1],
    ]);
    expect(history.failing.map((f) => f.name)).toEqual(["b_fail"]);
    await prisma.testRun.delete({ where: { id: run.id } });
    expect(await rows()).toEqual([]);
  });
});
