import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { createEvidence, reviewEvidence } from "@/lib/evidence/evidence";
import { evidenceSchema } from "@/lib/evidence/schemas";
import { computeWorkspaceStatus, recordSnapshots } from "@/lib/status/compute";
import { createOverride } from "@/lib/status/overrides";
import { createControl, setControlArchived, setCriterionControls } from "./controls";

const today = new Date().toISOString().slice(0, 10);

async function criterion(id: string) {
  const s = await computeWorkspaceStatus(await db());
  return s.criteria.get(id)!;
}

describe("status follows controls and evidence", () => {
  it("CC6.1: gap without controls → gap without evidence → met with accepted evidence → gap once archived", async () => {
    const admin = await makeUser("admin");
    expect(await criterion("CC6.1")).toMatchObject({
      status: "gap",
      reasons: [{ text: "No controls are mapped to CC6.1" }],
    });
    const c = await createControl(admin, {
      title: "Tenant isolation",
      description: "",
      ownerId: admin.id,
      implementation: "implemented",
      naJustification: null,
      locations: ["apps/organizations/middleware/tenant.py"],
      criteria: ["CC6.1"],
    });
    expect(c.ref).toMatch(/^CTL-\d{3}$/);
    const noEvidence = await criterion("CC6.1");
    expect(noEvidence.status).toBe("gap");
    expect(noEvidence.reasons[0].text).toContain('No evidence linked to "Tenant isolation"');
    const ev = await createEvidence(
      admin,
      evidenceSchema.parse({
        title: "Isolation tests",
        kind: "note",
        body: "8/8",
        evidenceDate: today,
        controls: [c.id],
      }),
      null,
    );
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
    const c = await createControl(admin, {
      title: "Disposal",
      description: "",
      ownerId: null,
      implementation: "in_progress",
      naJustification: null,
      locations: [],
      criteria: [],
    });
    await setCriterionControls(admin, "C1.2", [c.id]);
    expect((await criterion("C1.2")).status).toBe("gap");
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
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
    const prisma = await db();
    const s = await computeWorkspaceStatus(prisma);
    await recordSnapshots(prisma, s);
    await recordSnapshots(prisma, s);
    expect(
      await prisma.statusSnapshot.count({ where: { day: new Date(`${today}T00:00:00Z`) } }),
    ).toBe(61);
  });
});
