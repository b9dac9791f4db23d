import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays, isoDay, parseIsoDay } from "@/lib/dates";
import { makeControl, makeNoteEvidence, makeUser } from "@/lib/testing/fixtures";
import { reviewEvidence } from "@/lib/evidence/evidence";
import { criterionOptions } from "@/lib/criteria/criterion-options";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { createOverride, revokeOverride } from "@/lib/status/overrides";
import { workspaceStatus } from "@/lib/status/workspace-status";
import { setControlArchived, setCriterionControls } from "./controls";

async function criterion(id: string) {
  const s = await computeWorkspaceStatus(SYSTEM_ACTOR);
  return s.criteria.get(id)!;
}

describe("status follows controls and evidence", () => {
  it("CC6.1: gap without controls → gap without evidence → met with accepted evidence → gap once archived", async () => {
    const admin = await makeUser("admin");
    expect(await criterion("CC6.1")).toMatchObject({
      status: "gap",
      reasons: [{ text: "No controls are mapped to CC6.1" }],
    });
    const c = await makeControl(admin, {
      title: "Tenant isolation",
      ownerId: admin.id,
      locations: ["apps/organizations/middleware/tenant.py"],
      criteria: ["CC6.1"],
    });
    expect(c.ref).toMatch(/^CTL-\d{3}$/);
    const noEvidence = await criterion("CC6.1");
    expect(noEvidence.status).toBe("gap");
    expect(noEvidence.reasons[0]?.text).toContain('No evidence linked to "Tenant isolation"');
    const ev = await makeNoteEvidence(admin, {
      title: "Isolation tests",
      body: "8/8",
      controls: [c.id],
    });
    expect((await criterion("CC6.1")).status).toBe("gap"); // in review: not counted yet
    await reviewEvidence(admin, ev.id, "accept", "");
    expect(await criterion("CC6.1")).toMatchObject({
      status: "met",
      design: "effective",
      operating: "effective",
    });
    await setControlArchived(admin, c.id, true);
    expect((await criterion("CC6.1")).status).toBe("gap");
  });

  it("maps from the criterion side and shows overrides next to the computed status", async () => {
    const admin = await makeUser("admin");
    const c = await makeControl(admin, {
      title: "Disposal",
      implementation: "in_progress",
      criteria: [],
    });
    await setCriterionControls(admin, "C1.2", [c.id]);
    expect((await criterion("C1.2")).status).toBe("gap");
    const until = isoDay(addDays(new Date(), 10));
    await createOverride(admin, {
      targetType: "criterion",
      targetId: "C1.2",
      status: "at_risk",
      justification: "Manual disposal log reviewed monthly",
      until,
    });
    expect(await criterion("C1.2")).toMatchObject({
      status: "at_risk",
      computed: "gap",
      overridden: true,
    });
    const engineer = await makeUser("engineer");
    await expect(
      createOverride(engineer, {
        targetType: "criterion",
        targetId: "C1.2",
        status: "met",
        justification: "x".repeat(30),
        until,
      }),
    ).rejects.toThrow(/not allowed/);
  });

  it("keeps one snapshot per criterion per day", async () => {
    const auditor = await makeUser("auditor");
    const s = await workspaceStatus(auditor);
    await workspaceStatus(auditor);
    const prisma = await db();
    expect(
      await prisma.statusSnapshot.count({ where: { day: parseIsoDay(isoDay(s.ctx.now))! } }),
    ).toBe(61);
  });

  it("reads status and criteria only for a signed-in actor, and removes an override once", async () => {
    await expect(computeWorkspaceStatus(null)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(workspaceStatus(null)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(criterionOptions(null)).rejects.toMatchObject({ code: "unauthenticated" });
    const auditor = await makeUser("auditor");
    expect(await criterionOptions(auditor)).toHaveLength(61);
    const expired = await makeUser("auditor", { expires: addDays(new Date(), -1) });
    await expect(criterionOptions(expired)).rejects.toMatchObject({ code: "forbidden" });
    const admin = await makeUser("admin");
    await createOverride(admin, {
      targetType: "criterion",
      targetId: "PI1.1",
      status: "met",
      justification: "Reviewed by hand every quarter",
      until: isoDay(new Date()),
    });
    await expect(
      createOverride(admin, {
        targetType: "criterion",
        targetId: "PI1.2",
        status: "met",
        justification: "Reviewed by hand every quarter",
        until: isoDay(addDays(new Date(), -1)),
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await revokeOverride(admin, "criterion", "PI1.1");
    await expect(revokeOverride(admin, "criterion", "PI1.1")).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
