import "server-only";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { UserError, WRITERS, assertRole } from "@/lib/auth/guard";
import type { SessionUser } from "@/lib/auth/types";
import { mustHaveScore, verifierRefusal } from "./phase-status";
import { assertEvidenceExists } from "./phase-writes";
import type { MustHaveInput, VerifyInput } from "./schemas";

export async function addMustHave(actor: SessionUser | null, input: MustHaveInput): Promise<void> {
  assertRole(actor, WRITERS, "edit phases");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const phase = await tx.phase.findUnique({ where: { id: input.phaseId }, select: { number: true, requirements: { select: { code: true } } } });
    if (!phase) throw new UserError("That phase no longer exists.");
    const unknown = input.requirements.filter((r) => !phase.requirements.some((p) => p.code === r));
    if (unknown.length) throw new UserError(`Phase ${phase.number} has no requirement ${unknown.join(", ")}; add it to the phase first.`);
    const last = await tx.mustHave.aggregate({ where: { phaseId: input.phaseId }, _max: { position: true } });
    const m = await tx.mustHave.create({ data: { phaseId: input.phaseId, truth: input.truth, requirements: input.requirements, position: (last._max.position ?? 0) + 1 } });
    await recordActivity(tx, actor, {
      action: "phase.must_have.add",
      entityType: "phase",
      entityId: input.phaseId,
      summary: `Added must-have "${input.truth}" to phase ${phase.number}`,
      after: { mustHaveId: m.id, ...input },
    });
  });
}

/** Records a verifier's verdict; the phase owner may not verify their own phase. */
export async function verifyMustHave(actor: SessionUser | null, input: VerifyInput): Promise<string> {
  assertRole(actor, WRITERS, "verify must-haves");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const m = await tx.mustHave.findUnique({
      where: { id: input.mustHaveId },
      select: { phaseId: true, truth: true, verdict: true, reason: true, phase: { select: { number: true, ownerId: true } } },
    });
    if (!m) throw new UserError("That must-have no longer exists.");
    const refusal = verifierRefusal(actor.id, m.phase.ownerId);
    if (refusal) throw new UserError(refusal);
    await assertEvidenceExists(tx, input.evidenceId);
    const { mustHaveId, ...data } = input;
    await tx.mustHave.update({ where: { id: mustHaveId }, data: { ...data, verifiedById: actor.id, verifiedAt: new Date() } });
    const all = await tx.mustHave.findMany({ where: { phaseId: m.phaseId }, select: { verdict: true } });
    const score = mustHaveScore(all);
    await recordActivity(tx, actor, {
      action: "phase.must_have.verify",
      entityType: "phase",
      entityId: m.phaseId,
      summary: `Marked must-have "${m.truth}" of phase ${m.phase.number} ${input.verdict.toUpperCase()} (score ${score.done}/${score.total})`,
      before: { verdict: m.verdict, reason: m.reason },
      after: data,
    });
    return `Marked ${input.verdict.toUpperCase()}. Phase ${m.phase.number} scores ${score.done}/${score.total}.`;
  });
}

/** Only a must-have nobody has assessed yet can go: a verdict, once given, stays on record. */
export async function removeMustHave(actor: SessionUser | null, mustHaveId: string): Promise<void> {
  assertRole(actor, WRITERS, "edit phases");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const m = await tx.mustHave.findUnique({ where: { id: mustHaveId }, select: { phaseId: true, truth: true, verdict: true, phase: { select: { number: true } } } });
    if (!m) throw new UserError("That must-have no longer exists.");
    if (m.verdict !== "pending") throw new UserError("This must-have has been assessed; its verdict stays on record. Record a new verdict instead.");
    await tx.mustHave.delete({ where: { id: mustHaveId } });
    await recordActivity(tx, actor, { action: "phase.must_have.remove", entityType: "phase", entityId: m.phaseId, summary: `Removed must-have "${m.truth}" from phase ${m.phase.number}`, before: { truth: m.truth } });
  });
}
