import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, isoDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { createControl } from "@/lib/controls/controls";
import { addBacklogCheck, removeBacklogCheck, setBacklogCheck } from "./backlog-checks";
import { createBacklogItem, transitionBacklogItem, updateBacklogItem } from "./backlog-writes";
import { backlogCharts, getBacklogItem, listBacklog } from "./backlog-queries";
import { backlogCsv } from "./backlog-csv";
import { backlogFilterSchema, backlogSchema } from "./schemas";

const noFilter = backlogFilterSchema.parse({});

describe("remediation backlog", () => {
  it("runs the workflow with different-person verification and moves the control's status", async () => {
    const fixer = await makeUser("engineer");
    const checker = await makeUser("engineer");
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const control = await createControl(fixer, {
      title: "Tenant isolation",
      description: "",
      ownerId: fixer.id,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC6.1"],
    });
    await prisma.evidence.create({
      data: {
        title: "Isolation tests",
        kind: "note",
        evidenceDate: new Date(),
        reviewState: "accepted",
        controls: { create: { controlId: control.id } },
      },
    });
    const status = async () => (await computeWorkspaceStatus(auditor)).criteria.get("CC6.1")!;
    expect((await status()).status).toBe("met");

    const key = await createBacklogItem(
      fixer,
      backlogSchema.parse({
        key: "BL-131",
        title: "RLS on 39 tables",
        priority: "P0",
        controls: [control.id],
        checklist: "Query 1 shows rowsecurity\nCross-org query blocked",
      }),
    );
    await expect(
      createBacklogItem(
        fixer,
        backlogSchema.parse({ key: "BL-131", title: "dup", priority: "P3" }),
      ),
    ).rejects.toThrow(/BL-131 already exists/);
    expect(
      await createBacklogItem(fixer, backlogSchema.parse({ title: "Next one", priority: "P3" })),
    ).toBe("BL-132");
    const together = await Promise.all(
      [1, 2, 3].map((n) =>
        createBacklogItem(fixer, backlogSchema.parse({ title: `At once ${n}`, priority: "P3" })),
      ),
    );
    expect([...together].sort()).toEqual(["BL-133", "BL-134", "BL-135"]);
    await expect(
      createBacklogItem(auditor, backlogSchema.parse({ title: "x", priority: "P3" })),
    ).rejects.toThrow(/not allowed/);
    await expect(
      createBacklogItem(null, backlogSchema.parse({ title: "x", priority: "P3" })),
    ).rejects.toMatchObject({ code: "unauthenticated" });
    const item = (await getBacklogItem(fixer, key))!;
    const s1 = await status();
    expect(s1.status).toBe("gap");
    expect(s1.reasons[0]?.text).toBe(
      'Control "Tenant isolation" has a gap: Open P0 CRITICAL backlog item BL-131 "RLS on 39 tables" (open)',
    );

    await expect(
      transitionBacklogItem(fixer, { itemId: item.id, to: "verified", justification: "" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/cannot move to verified/),
    });
    await expect(
      transitionBacklogItem(fixer, { itemId: item.id, to: "risk_accepted", justification: "" }),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/justification/) });
    await transitionBacklogItem(fixer, {
      itemId: item.id,
      to: "awaiting_deployment",
      justification: "",
    });
    await transitionBacklogItem(fixer, {
      itemId: item.id,
      to: "resolved",
      justification: "migration deployed",
    });
    expect((await status()).status).toBe("at_risk"); // resolved, not yet verified by a second person

    await addBacklogCheck(fixer, item.id, "typo check");
    const typo = (await getBacklogItem(fixer, key))!.checks.find((c) => c.text === "typo check")!;
    await setBacklogCheck(fixer, typo.id, true);
    await expect(removeBacklogCheck(fixer, typo.id)).rejects.toThrow(/uncheck it first/);
    await setBacklogCheck(fixer, typo.id, false);
    await removeBacklogCheck(fixer, typo.id);
    const checks = (await getBacklogItem(fixer, key))!.checks;
    expect(checks).toHaveLength(2);
    await setBacklogCheck(fixer, checks[0]!.id, true);
    await setBacklogCheck(checker, checks[1]!.id, true);
    await expect(
      transitionBacklogItem(checker, { itemId: item.id, to: "verified", justification: "" }),
    ).rejects.toThrow(/1 checklist item\(s\) were checked by the person who resolved/);
    await setBacklogCheck(checker, checks[0]!.id, false);
    await setBacklogCheck(checker, checks[0]!.id, true);
    await expect(
      transitionBacklogItem(fixer, { itemId: item.id, to: "verified", justification: "" }),
    ).rejects.toThrow(/resolved the item cannot verify/);
    expect(
      await transitionBacklogItem(checker, { itemId: item.id, to: "verified", justification: "" }),
    ).toBe("BL-131 is now verified.");
    expect((await status()).status).toBe("met");
    await expect(addBacklogCheck(fixer, item.id, "late check")).rejects.toThrow(
      /is verified; reopen/,
    );

    // Reopening clears the checks: the next fix has to be checked again.
    await transitionBacklogItem(checker, {
      itemId: item.id,
      to: "open",
      justification: "regressed in release 4.2",
    });
    const reopened = (await getBacklogItem(fixer, key))!;
    expect(reopened.checks.every((c) => c.checkedAt === null)).toBe(true);
    expect(reopened.resolvedById).toBeNull();
    expect(reopened.transitions.map((t) => t.to)).toEqual([
      "open",
      "awaiting_deployment",
      "resolved",
      "verified",
      "open",
    ]);
    expect(reopened.history.map((h) => h.summary)).toContain(
      "BL-131: Verified → Open (regressed in release 4.2)",
    );
    expect((await status()).status).toBe("gap");
    await transitionBacklogItem(fixer, {
      itemId: item.id,
      to: "false_positive",
      justification: "Table set was wrong",
    });
    // A P0 closed as a false positive is only raised by the fixer; an administrator confirms it.
    expect((await status()).status).toBe("gap");
    await transitionBacklogItem(await makeUser("admin"), {
      itemId: item.id,
      to: "false_positive",
      justification: "",
    });
    expect((await status()).status).toBe("met");
  });

  it("filters by priority, status, owner, criterion (direct or through a control) and overdue; exports and charts agree", async () => {
    const a = await makeUser("engineer");
    const b = await makeUser("engineer");
    const control = await createControl(a, {
      title: "Logging",
      description: "",
      ownerId: a.id,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC7.2"],
    });
    const past = isoDay(addDays(new Date(), -5));
    const k1 = await createBacklogItem(
      a,
      backlogSchema.parse({
        title: '=HYPERLINK("x") overdue',
        priority: "P1",
        ownerId: a.id,
        dueDate: past,
        controls: [control.id],
      }),
    );
    const k2 = await createBacklogItem(
      b,
      backlogSchema.parse({
        title: "Direct",
        priority: "P2",
        ownerId: b.id,
        criteria: ["CC7.2", "CC6.6"],
      }),
    );
    const k3 = await createBacklogItem(
      b,
      backlogSchema.parse({ title: "Closed", priority: "P1", ownerId: b.id, dueDate: past }),
    );
    const id3 = (await getBacklogItem(b, k3))!.id;
    await transitionBacklogItem(b, {
      itemId: id3,
      to: "risk_accepted",
      justification: "Compensating control",
    });
    // P1: raised by b, closed by an administrator (issue 10).
    await transitionBacklogItem(await makeUser("admin"), {
      itemId: id3,
      to: "risk_accepted",
      justification: "",
    });
    const keys = async (f: Record<string, string>) =>
      (await listBacklog(a, backlogFilterSchema.parse(f))).rows
        .map((r) => r.key)
        .filter((k) => [k1, k2, k3].includes(k))
        .sort();
    expect(await keys({ criterion: "CC7.2" })).toEqual([k1, k2]);
    expect(await keys({ overdue: "1" })).toEqual([k1]);
    expect(await keys({ priority: "P1" })).toEqual([k1, k3]);
    expect(await keys({ status: "closed" })).toEqual([k3]);
    expect(await keys({ owner: b.id })).toEqual([k2, k3]);
    const row = (await listBacklog(a, noFilter)).rows.find((r) => r.key === k1)!;
    expect(row).toMatchObject({
      overdue: true,
      severity: "HIGH",
      criteria: ["CC7.2"],
      controls: [expect.stringMatching(/^CTL-/)],
    });
    const csv = await backlogCsv(a, backlogFilterSchema.parse({ overdue: "1" }));
    expect(csv.split("\r\n")[0]).toBe(
      "key,title,priority,severity,status,owner,due_date,overdue,criteria,controls,checks_done,origin",
    );
    expect(csv).toContain(`${k1},"'=HYPERLINK(""x"") overdue",P1,HIGH,open`);
    expect(csv).not.toContain(k2);
    const logged = await (
      await db()
    ).activity.findFirstOrThrow({
      where: { action: "export.csv", entityType: "backlog" },
      orderBy: { seq: "desc" },
    });
    expect(logged.summary).toMatch(/exported 1 backlog items as CSV \(overdue=true\)$/);
    const charts = await backlogCharts(a, 7);
    expect(charts.burndown).toHaveLength(7);
    const today = charts.burndown.at(-1)!;
    const all = await (await db()).backlogItem.groupBy({ by: ["status"], _count: { _all: true } });
    const open = all
      .filter((g) => ["open", "in_progress", "awaiting_deployment"].includes(g.status))
      .reduce((n, g) => n + g._count._all, 0);
    expect(today.open).toBe(open);
    expect(charts.openByPriority.find((p) => p.priority === "P1")!.open).toBeGreaterThanOrEqual(1);

    // Edits record before/after and can clear a risk.
    const id1 = (await getBacklogItem(a, k1))!.id;
    await updateBacklogItem(
      a,
      id1,
      backlogSchema.parse({
        title: "Renamed",
        priority: "P2",
        riskBeforeLikelihood: "high",
        riskBeforeImpact: "high",
      }),
    );
    expect((await getBacklogItem(a, k1))!.riskBefore).toEqual({
      risk: "",
      likelihood: "high",
      impact: "high",
      cvss: null,
    });
    await updateBacklogItem(a, id1, backlogSchema.parse({ title: "Renamed", priority: "P2" }));
    const cleared = (await getBacklogItem(a, k1))!;
    expect(cleared.riskBefore).toBeNull();
    expect(cleared.controls).toHaveLength(0);
  });
});
