// Issue 10, point 6: closing a P0/P1 item as risk accepted takes a second administrator, and a
// phase owner cannot verify their own must-haves by handing the phase over first.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { createPhase, updatePhase } from "@/lib/phases/phase-writes";
import { addMustHave, verifyMustHave } from "@/lib/phases/must-haves";
import { getPhase } from "@/lib/phases/phase-queries";
import { phaseSchema, verifySchema } from "@/lib/phases/schemas";
import { createBacklogItem, transitionBacklogItem, updateBacklogItem } from "./backlog-writes";
import { backlogSchema } from "./schemas";

describe("segregation of duties (issue 10)", () => {
  it("a P0 closed as risk accepted is raised by one person and confirmed by another administrator", async () => {
    const engineer = await makeUser("engineer");
    const admin = await makeUser("admin");
    const secondAdmin = await makeUser("admin");
    const key = await createBacklogItem(
      engineer,
      backlogSchema.parse({ title: `Critical ${Date.now()}`, priority: "P0" }),
    );
    const prisma = await db();
    const item = await prisma.backlogItem.findUniqueOrThrow({ where: { key } });
    const move = (actor: typeof admin, justification = "compensating control in place") =>
      transitionBacklogItem(actor, { itemId: item.id, to: "risk_accepted", justification });

    expect(await move(engineer)).toMatch(/raised; an administrator other than you/);
    const raised = await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(raised).toMatchObject({
      status: "open",
      closureProposal: "risk_accepted",
      closureProposedById: engineer.id,
    });
    await expect(move(engineer)).rejects.toMatchObject({ code: "forbidden" });

    // An administrator who raises it themselves cannot confirm it either.
    await transitionBacklogItem(admin, { itemId: item.id, to: "in_progress", justification: "" });
    expect(
      (await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } })).closureProposal,
    ).toBeNull();
    await move(admin);
    await expect(move(admin)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/You raised this/),
    });
    expect((await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe(
      "in_progress",
    );

    await move(secondAdmin, "agreed until Q3");
    const closed = await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(closed.status).toBe("risk_accepted");
    expect(closed.justification).toMatch(/compensating control in place.*agreed until Q3/);
    expect(closed.closureProposal).toBeNull();

    // P2 items close in one step, as before.
    const minor = await createBacklogItem(
      engineer,
      backlogSchema.parse({ title: `Minor ${Date.now()}`, priority: "P2" }),
    );
    const m = await prisma.backlogItem.findUniqueOrThrow({ where: { key: minor } });
    await transitionBacklogItem(engineer, {
      itemId: m.id,
      to: "false_positive",
      justification: "scanner misread",
    });
    expect((await prisma.backlogItem.findUniqueOrThrow({ where: { id: m.id } })).status).toBe(
      "false_positive",
    );
  });

  it("lowering a P0 to P3 first does not make its risk acceptance a one-person closure", async () => {
    const engineer = await makeUser("engineer");
    const admin = await makeUser("admin");
    const secondAdmin = await makeUser("admin");
    const title = `Lowered ${Date.now()}`;
    const key = await createBacklogItem(engineer, backlogSchema.parse({ title, priority: "P0" }));
    const prisma = await db();
    const item = await prisma.backlogItem.findUniqueOrThrow({ where: { key } });
    expect(item.peakPriority).toBe("P0");

    // The walk-around: lower it, then close it at once.
    await updateBacklogItem(admin, item.id, backlogSchema.parse({ title, priority: "P3" }));
    const lowered = await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(lowered).toMatchObject({ priority: "P3", peakPriority: "P0" });
    expect(
      await transitionBacklogItem(admin, {
        itemId: item.id,
        to: "risk_accepted",
        justification: "it is only P3 now",
      }),
    ).toMatch(/raised; an administrator other than you/);
    expect((await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe(
      "open",
    );
    await expect(
      transitionBacklogItem(admin, { itemId: item.id, to: "risk_accepted", justification: "" }),
    ).rejects.toMatchObject({ code: "conflict" });

    // Neither raising it back and lowering again, nor writing the column directly, lowers the peak.
    await updateBacklogItem(admin, item.id, backlogSchema.parse({ title, priority: "P1" }));
    await updateBacklogItem(admin, item.id, backlogSchema.parse({ title, priority: "P2" }));
    await prisma.backlogItem.update({ where: { id: item.id }, data: { peakPriority: "P3" } });
    expect(
      (await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } })).peakPriority,
    ).toBe("P0");

    await transitionBacklogItem(secondAdmin, {
      itemId: item.id,
      to: "risk_accepted",
      justification: "",
    });
    expect((await prisma.backlogItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe(
      "risk_accepted",
    );

    // An item created as P2 and raised to P1 needs two people from then on.
    const raisedKey = await createBacklogItem(
      engineer,
      backlogSchema.parse({ title: `${title} raised`, priority: "P2" }),
    );
    const raised = await prisma.backlogItem.findUniqueOrThrow({ where: { key: raisedKey } });
    await updateBacklogItem(
      engineer,
      raised.id,
      backlogSchema.parse({ title: `${title} raised`, priority: "P1" }),
    );
    await updateBacklogItem(
      engineer,
      raised.id,
      backlogSchema.parse({ title: `${title} raised`, priority: "P3" }),
    );
    expect(
      await transitionBacklogItem(engineer, {
        itemId: raised.id,
        to: "false_positive",
        justification: "scanner misread",
      }),
    ).toMatch(/raised/);
  });

  it("the phase owner when a must-have was delivered cannot verify it after clearing the owner", async () => {
    const owner = await makeUser("engineer");
    const other = await makeUser("engineer");
    const number = 700 + Math.floor(Math.random() * 99);
    await createPhase(
      owner,
      phaseSchema.parse({
        number: String(number),
        title: "Walk-around",
        progress: "in_progress",
        ownerId: owner.id,
      }),
    );
    const phase = (await getPhase(owner, number))!;
    await addMustHave(owner, { phaseId: phase.id, truth: "backups restore", requirements: [] });
    const m = (await getPhase(owner, number))!.mustHaves[0]!;
    await updatePhase(
      owner,
      phase.id,
      phaseSchema.parse({ number: String(number), title: "Walk-around", progress: "in_progress" }),
    );
    await expect(
      verifyMustHave(owner, verifySchema.parse({ mustHaveId: m.id, verdict: "verified" })),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/owned the phase when this must-have was delivered/),
    });
    // Handing it to someone else does not help either; a third person may verify.
    await updatePhase(
      owner,
      phase.id,
      phaseSchema.parse({
        number: String(number),
        title: "Walk-around",
        progress: "in_progress",
        ownerId: other.id,
      }),
    );
    await expect(
      verifyMustHave(owner, verifySchema.parse({ mustHaveId: m.id, verdict: "verified" })),
    ).rejects.toMatchObject({ code: "conflict" });
    const verifier = await makeUser("engineer");
    expect(
      await verifyMustHave(verifier, verifySchema.parse({ mustHaveId: m.id, verdict: "verified" })),
    ).toMatch(/VERIFIED/);
  });
});
