import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { createControl } from "@/lib/controls/controls";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { backlogFromFinding, listBacklogForControl } from "./from-finding";
import { getBacklogItem } from "./backlog-queries";

describe("collector findings become backlog items", () => {
  it("tracks a finding the engine reports, once, and refuses text it does not report", async () => {
    const eng = await makeUser("engineer");
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const control = await createControl(eng, {
      title: "Failed login monitoring",
      description: "",
      ownerId: eng.id,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC7.2"],
    });
    await prisma.expectedEvent.create({
      data: { controlId: control.id, action: "login_failed", maxSilenceDays: 7 },
    });
    const finding = (await computeWorkspaceStatus(auditor)).controls
      .get(control.id)!
      .reasons.find((r) => r.source.type === "signal")!.text;
    expect(finding).toBe(
      "No `login_failed` events recorded at all (expected at least every 7 days)",
    );

    await expect(
      backlogFromFinding(eng, { controlId: control.id, finding: "made up", priority: "P1" }),
    ).rejects.toThrow(/no longer reported/);
    await expect(
      backlogFromFinding(auditor, { controlId: control.id, finding, priority: "P1" }),
    ).rejects.toThrow(/not allowed/);
    const key = await backlogFromFinding(eng, { controlId: control.id, finding, priority: "P0" });
    const item = (await getBacklogItem(eng, key))!;
    expect(item).toMatchObject({
      origin: "collector",
      originNote: finding,
      priority: "P0",
      ownerId: eng.id,
    });
    expect(item.controls.map((c) => c.control.id)).toEqual([control.id]);
    await expect(
      backlogFromFinding(eng, { controlId: control.id, finding, priority: "P1" }),
    ).rejects.toThrow(new RegExp(`already tracked as ${key}`));
    expect((await listBacklogForControl(auditor, control.id)).map((i) => i.key)).toEqual([key]);
    // The open P0 item now holds the control back as a gap, besides the silence.
    const status = (await computeWorkspaceStatus(auditor)).controls.get(control.id)!;
    expect(status.status).toBe("gap");
    expect(status.reasons.map((r) => r.text)).toContain(
      `Open P0 CRITICAL backlog item ${key} "${item.title}" (open)`,
    );
  });
});
