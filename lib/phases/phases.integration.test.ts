import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { createControl } from "@/lib/controls/controls";
import { backlogFromMustHave } from "@/lib/backlog/from-must-have";
import { getBacklogItem } from "@/lib/backlog/backlog-queries";
import {
  addPhaseItem,
  createPhase,
  removePhaseItem,
  setPhaseItemDone,
  setPhaseItemEvidence,
  updatePhase,
} from "./phase-writes";
import { addMustHave, editMustHave, removeMustHave, verifyMustHave } from "./must-haves";
import { getPhase, listPhases } from "./phase-queries";
import { phaseItemSchema, phaseSchema, verifySchema } from "./schemas";

describe("phases with verified must-haves", () => {
  it("scores must-haves, refuses the owner as verifier, shows gaps and holds the phase's criteria back", async () => {
    const owner = await makeUser("engineer");
    const verifier = await makeUser("engineer");
    const auditor = await makeUser("auditor");
    const prisma = await db();
    // CC7.2 met through a control with accepted evidence, so the phase's effect is visible.
    const control = await createControl(owner, {
      title: "Audit logging",
      description: "",
      ownerId: owner.id,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC7.2"],
    });
    const ev = await prisma.evidence.create({
      data: {
        title: "Audit log sample",
        kind: "note",
        evidenceDate: new Date(),
        reviewState: "accepted",
        controls: { create: { controlId: control.id } },
      },
    });
    expect((await computeWorkspaceStatus(auditor)).criteria.get("CC7.2")!.status).toBe("met");

    const n = await createPhase(
      owner,
      phaseSchema.parse({
        number: "25",
        title: "Audit foundation",
        progress: "in_progress",
        ownerId: owner.id,
        requirements: "SOC2-02 | Audit logging on security events | CC7.2\nTENANT-04 | RLS | CC6.1",
      }),
    );
    await expect(
      createPhase(owner, phaseSchema.parse({ number: "25", title: "dup", progress: "pending" })),
    ).rejects.toThrow(/Phase 25 already exists/);
    await expect(
      createPhase(auditor, phaseSchema.parse({ number: "26", title: "x", progress: "pending" })),
    ).rejects.toThrow(/not allowed/);
    const phase = (await getPhase(owner, n))!;
    await addPhaseItem(
      owner,
      phaseItemSchema.parse({
        phaseId: phase.id,
        text: "audit_logs table",
        files: "created: packages/db/src/schema/audit-logs.ts",
      }),
    );
    await addPhaseItem(
      owner,
      phaseItemSchema.parse({ phaseId: phase.id, text: "writeAuditLog() service" }),
    );
    const first = (await getPhase(owner, n))!.items[0]!;
    await setPhaseItemDone(owner, first.id, true);
    await expect(
      setPhaseItemEvidence(owner, first.id, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toThrow(/evidence no longer exists/);
    await setPhaseItemEvidence(owner, first.id, ev.id);
    expect((await getPhase(owner, n))!.items[0]?.evidence).toEqual({
      id: ev.id,
      title: "Audit log sample",
    });
    await expect(
      addMustHave(owner, { phaseId: phase.id, truth: "x", requirements: ["SOC2-99"] }),
    ).rejects.toThrow(/no requirement SOC2-99/);
    await addMustHave(owner, {
      phaseId: phase.id,
      truth: "audit_logs table exists",
      requirements: ["SOC2-02"],
    });
    await addMustHave(owner, {
      phaseId: phase.id,
      truth: "every security event is written",
      requirements: ["SOC2-02"],
    });

    let card = (await listPhases(owner)).find((p) => p.number === 25)!;
    expect(card).toMatchObject({
      status: "in_progress",
      deliverables: { done: 1, total: 2 },
      mustHaves: { done: 0, total: 2 },
    });
    const mustHaves = (await getPhase(owner, n))!.mustHaves;
    const m1 = mustHaves[0]!;
    const m2 = mustHaves[1]!;
    await expect(
      verifyMustHave(owner, verifySchema.parse({ mustHaveId: m1.id, verdict: "verified" })),
    ).rejects.toThrow(/owner cannot verify/);
    await expect(
      verifyMustHave(auditor, verifySchema.parse({ mustHaveId: m1.id, verdict: "verified" })),
    ).rejects.toThrow(/not allowed/);
    expect(
      await verifyMustHave(
        verifier,
        verifySchema.parse({
          mustHaveId: m1.id,
          verdict: "verified",
          observation: "table present",
          evidenceId: ev.id,
        }),
      ),
    ).toBe("Marked VERIFIED. Phase 25 scores 1/2.");
    await verifyMustHave(
      verifier,
      verifySchema.parse({
        mustHaveId: m2.id,
        verdict: "failed",
        reason: "writeAuditLog() is never called",
        missing: "Call it on login\nCall it on logout",
      }),
    );

    await expect(removeMustHave(owner, m2.id)).rejects.toThrow(/verdict stays on record/);
    // Rewording an assessed must-have clears its verdict; an unchanged save changes nothing.
    expect(
      await editMustHave(owner, {
        mustHaveId: m1.id,
        truth: "audit_logs table exists",
        requirements: ["SOC2-02"],
      }),
    ).toBe("Nothing changed.");
    await expect(
      editMustHave(owner, { mustHaveId: m1.id, truth: "x", requirements: ["NOPE-1"] }),
    ).rejects.toThrow(/no requirement NOPE-1/);
    expect(
      await editMustHave(owner, {
        mustHaveId: m1.id,
        truth: "audit_logs table exists and is append-only",
        requirements: ["SOC2-02"],
      }),
    ).toMatch(/verdict was cleared/);
    expect((await getPhase(owner, n))!.mustHaves[0]).toMatchObject({
      verdict: "pending",
      verifiedAt: null,
      evidence: null,
    });
    await verifyMustHave(verifier, verifySchema.parse({ mustHaveId: m1.id, verdict: "verified" }));
    await addMustHave(owner, { phaseId: phase.id, truth: "added by mistake", requirements: [] });
    const extra = (await getPhase(owner, n))!.mustHaves.find(
      (m) => m.truth === "added by mistake",
    )!;
    await removeMustHave(owner, extra.id);
    await addPhaseItem(owner, phaseItemSchema.parse({ phaseId: phase.id, text: "typo item" }));
    await removePhaseItem(
      owner,
      (await getPhase(owner, n))!.items.find((i) => i.text === "typo item")!.id,
    );
    expect((await getPhase(owner, n))!.items.map((i) => i.text)).toEqual([
      "audit_logs table",
      "writeAuditLog() service",
    ]);

    card = (await listPhases(owner)).find((p) => p.number === 25)!;
    expect(card).toMatchObject({
      status: "gaps_found",
      mustHaves: { done: 1, total: 2 },
      gaps: ["every security event is written"],
    });
    const status = await computeWorkspaceStatus(auditor);
    expect(status.criteria.get("CC7.2")!.status).toBe("gap");
    expect(status.criteria.get("CC7.2")!.reasons[0]).toMatchObject({
      source: { type: "phase", id: "25" },
    });
    expect(status.criteria.get("CC6.1")!.reasons.some((r) => r.source.type === "phase")).toBe(
      false,
    ); // the failed truth names SOC2-02 only

    // The gap becomes a backlog item linked back to the must-have, once.
    const key = await backlogFromMustHave(owner, m2.id);
    const item = (await getBacklogItem(owner, key))!;
    expect(item).toMatchObject({
      priority: "P1",
      origin: "phase_gap",
      mustHaveId: m2.id,
      ownerId: owner.id,
    });
    expect(item.criteria.map((c) => c.criterionId)).toEqual(["CC7.2"]);
    expect(item.checks.map((c) => c.text)).toEqual(["Call it on login", "Call it on logout"]);
    await expect(backlogFromMustHave(owner, m2.id)).rejects.toThrow(
      new RegExp(`already tracked as ${key}`),
    );
    await expect(backlogFromMustHave(owner, m1.id)).rejects.toThrow(/Only a FAILED or PARTIAL/);

    // Re-verified after the fix: the phase is verified and the criterion recovers (the P1 item still holds it at risk).
    await verifyMustHave(verifier, verifySchema.parse({ mustHaveId: m2.id, verdict: "verified" }));
    expect((await listPhases(owner)).find((p) => p.number === 25)!.status).toBe("verified");
    expect((await computeWorkspaceStatus(auditor)).criteria.get("CC7.2")!.status).toBe("at_risk");

    await expect(
      updatePhase(
        owner,
        phase.id,
        phaseSchema.parse({
          number: "25",
          title: "Audit foundation",
          progress: "complete",
          ownerId: owner.id,
          requirements: "TENANT-04 | RLS | CC6.1",
        }),
      ),
    ).rejects.toThrow(/Must-have 1 names SOC2-02; keep it among the requirements/);
    // Renumbering keeps requirements and records the change.
    await updatePhase(
      owner,
      phase.id,
      phaseSchema.parse({
        number: "26",
        title: "Audit foundation",
        progress: "complete",
        ownerId: owner.id,
        requirements: "SOC2-02 | Audit logging | CC7.2",
      }),
    );
    expect((await getPhase(owner, 26))!.requirements.map((r) => r.code)).toEqual(["SOC2-02"]);
    const log = await prisma.activity.findMany({
      where: { entityType: "phase", entityId: phase.id },
      select: { action: true },
    });
    expect(log.map((l) => l.action)).toEqual(
      expect.arrayContaining([
        "phase.create",
        "phase.item.add",
        "phase.item.done",
        "phase.must_have.add",
        "phase.must_have.verify",
        "phase.update",
      ]),
    );
  });

  it("refuses requirements naming criteria that do not exist, saving nothing", async () => {
    const owner = await makeUser("engineer");
    await expect(
      createPhase(
        owner,
        phaseSchema.parse({
          number: "40",
          title: "Bad",
          progress: "pending",
          requirements: "X-01 | nope | CC9.9",
        }),
      ),
    ).rejects.toThrow(/Unknown criterion: CC9.9/);
    expect(await getPhase(owner, 40)).toBeNull();
  });
});
