// The matrix's phase (deliverables, must-haves in each state an entry needs) and backlog items
// with their checks; the destructive entries get records of their own.
import { db } from "@/lib/db";
import { createPhase, addPhaseItem } from "@/lib/phases/phase-writes";
import { addMustHave, verifyMustHave } from "@/lib/phases/must-haves";
import { mustHaveSchema, phaseItemSchema, phaseSchema, verifySchema } from "@/lib/phases/schemas";
import { addBacklogCheck } from "@/lib/backlog/backlog-checks";
import { createBacklogItem } from "@/lib/backlog/backlog-writes";
import { backlogSchema } from "@/lib/backlog/schemas";
import { REQUIREMENT, type SeedTools } from "./matrix-seed-tools";

export async function seedPhaseAndBacklog({ admin }: SeedTools) {
  const prisma = await db();
  const phaseNumber = 900;
  await createPhase(
    admin,
    phaseSchema.parse({
      number: String(phaseNumber),
      title: "Matrix phase",
      progress: "in_progress",
      requirements: `${REQUIREMENT} | Matrix requirement | CC6.1`,
    }),
  );
  const phase = await prisma.phase.findFirstOrThrow({ where: { number: phaseNumber } });
  for (const text of ["Matrix deliverable", "Matrix deliverable to remove"])
    await addPhaseItem(admin, phaseItemSchema.parse({ phaseId: phase.id, text }));
  const items = await prisma.phaseItem.findMany({ where: { phaseId: phase.id } });
  const itemId = (text: string) => items.find((i) => i.text === text)!.id;
  const truths = ["verify", "edit", "remove", "fail"].map((t) => `Matrix must-have to ${t}`);
  for (const truth of truths)
    await addMustHave(
      admin,
      mustHaveSchema.parse({ phaseId: phase.id, truth, requirements: REQUIREMENT }),
    );
  const mustHaves = await prisma.mustHave.findMany({ where: { phaseId: phase.id } });
  const mustHaveId = (truth: string) => mustHaves.find((m) => m.truth === truth)!.id;
  const [verifyTruth, editTruth, removeTruth, failTruth] = truths as [
    string,
    string,
    string,
    string,
  ];
  await verifyMustHave(
    admin,
    verifySchema.parse({
      mustHaveId: mustHaveId(failTruth),
      verdict: "failed",
      reason: "Matrix seed: not there yet",
      missing: "The thing",
    }),
  );

  const backlog = async (title: string) => {
    const key = await createBacklogItem(admin, backlogSchema.parse({ title, priority: "P2" }));
    return (await prisma.backlogItem.findUniqueOrThrow({ where: { key } })).id;
  };
  const backlogItemId = await backlog("Matrix backlog item");
  const editableBacklogItemId = await backlog("Matrix backlog item to edit");
  for (const text of ["Matrix check", "Matrix check to remove"])
    await addBacklogCheck(admin, backlogItemId, text);
  const checks = await prisma.backlogCheck.findMany({ where: { itemId: backlogItemId } });
  const checkId = (text: string) => checks.find((c) => c.text === text)!.id;

  return {
    phaseId: phase.id,
    phaseNumber,
    phaseItemId: itemId("Matrix deliverable"),
    removablePhaseItemId: itemId("Matrix deliverable to remove"),
    mustHaveId: mustHaveId(verifyTruth),
    editableMustHaveId: mustHaveId(editTruth),
    removableMustHaveId: mustHaveId(removeTruth),
    failedMustHaveId: mustHaveId(failTruth),
    backlogItemId,
    editableBacklogItemId,
    backlogCheckId: checkId("Matrix check"),
    removableCheckId: checkId("Matrix check to remove"),
  };
}
