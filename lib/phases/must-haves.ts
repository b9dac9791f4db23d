import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { accountId, type Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { mustHaveScore, verifierRefusal } from "./phase-status";
import { assertEvidenceExists } from "./phase-writes";
import type { Tx } from "@/lib/db/tx";
import type { MustHaveEdit, MustHaveInput, VerifyInput } from "./schemas";

async function assertRequirementsOf(
  tx: Tx,
  phaseId: string,
  codes: readonly string[],
): Promise<number> {
  const phase = await tx.phase.findUnique({
    where: { id: phaseId },
    select: { number: true, requirements: { select: { code: true } } },
  });
  if (!phase) throw notFound("That phase no longer exists.");
  const unknown = codes.filter((r) => !phase.requirements.some((p) => p.code === r));
  if (unknown.length)
    throw notFound(
      `Phase ${phase.number} has no requirement ${unknown.join(", ")}; add it to the phase first.`,
    );
  return phase.number;
}

export async function addMustHave(actor: Actor | null, input: MustHaveInput): Promise<void> {
  authorize(actor, "phases.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const phase = { number: await assertRequirementsOf(tx, input.phaseId, input.requirements) };
    const last = await tx.mustHave.aggregate({
      where: { phaseId: input.phaseId },
      _max: { position: true },
    });
    const owner = await tx.phase.findUnique({
      where: { id: input.phaseId },
      select: { ownerId: true },
    });
    const m = await tx.mustHave.create({
      data: {
        phaseId: input.phaseId,
        deliveredOwnerId: owner?.ownerId ?? null,
        truth: input.truth,
        requirements: input.requirements,
        position: (last._max.position ?? 0) + 1,
      },
    });
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
export async function verifyMustHave(actor: Actor | null, input: VerifyInput): Promise<string> {
  authorize(actor, "phases.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const m = await tx.mustHave.findUnique({
      where: { id: input.mustHaveId },
      select: {
        phaseId: true,
        truth: true,
        verdict: true,
        reason: true,
        deliveredOwnerId: true,
        phase: { select: { number: true, ownerId: true } },
      },
    });
    if (!m) throw notFound("That must-have no longer exists.");
    const refusal = verifierRefusal(actor.id, m.phase.ownerId, m.deliveredOwnerId);
    if (refusal) throw conflict(refusal);
    await assertEvidenceExists(tx, input.evidenceId);
    const { mustHaveId, ...data } = input;
    await tx.mustHave.update({
      where: { id: mustHaveId },
      data: { ...data, verifiedById: accountId(actor), verifiedAt: new Date() },
    });
    const all = await tx.mustHave.findMany({
      where: { phaseId: m.phaseId },
      select: { verdict: true },
    });
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
export async function removeMustHave(actor: Actor | null, mustHaveId: string): Promise<void> {
  authorize(actor, "phases.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const m = await tx.mustHave.findUnique({
      where: { id: mustHaveId },
      select: { phaseId: true, truth: true, verdict: true, phase: { select: { number: true } } },
    });
    if (!m) throw notFound("That must-have no longer exists.");
    if (m.verdict !== "pending")
      throw conflict(
        "This must-have has been assessed; its verdict stays on record. Record a new verdict instead.",
      );
    await tx.mustHave.delete({ where: { id: mustHaveId } });
    await recordActivity(tx, actor, {
      action: "phase.must_have.remove",
      entityType: "phase",
      entityId: m.phaseId,
      summary: `Removed must-have "${m.truth}" from phase ${m.phase.number}`,
      before: { truth: m.truth },
    });
  });
}

/**
 * Rewords a must-have or changes the requirements it proves. A verdict was given on the old
 * wording, so a change clears it (recorded): the must-have has to be verified again.
 */
export async function editMustHave(actor: Actor | null, input: MustHaveEdit): Promise<string> {
  authorize(actor, "phases.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const m = await tx.mustHave.findUnique({
      where: { id: input.mustHaveId },
      select: { phaseId: true, truth: true, requirements: true, verdict: true, reason: true },
    });
    if (!m) throw notFound("That must-have no longer exists.");
    const number = await assertRequirementsOf(tx, m.phaseId, input.requirements);
    const same =
      m.truth === input.truth &&
      [...m.requirements].sort().join() === [...input.requirements].sort().join();
    if (same) return "Nothing changed.";
    const reset = m.verdict !== "pending";
    await tx.mustHave.update({
      where: { id: input.mustHaveId },
      data: {
        truth: input.truth,
        requirements: input.requirements,
        ...(reset
          ? {
              verdict: "pending",
              reason: "",
              observation: "",
              missing: [],
              evidenceId: null,
              verifiedById: null,
              verifiedAt: null,
            }
          : {}),
      },
    });
    await recordActivity(tx, actor, {
      action: "phase.must_have.edit",
      entityType: "phase",
      entityId: m.phaseId,
      summary: `Edited must-have "${input.truth}" of phase ${number}${reset ? ` (its ${m.verdict.toUpperCase()} verdict was cleared: verify it again)` : ""}`,
      before: {
        truth: m.truth,
        requirements: m.requirements,
        verdict: m.verdict,
        reason: m.reason,
      },
      after: {
        truth: input.truth,
        requirements: input.requirements,
        verdict: reset ? "pending" : m.verdict,
      },
    });
    return reset ? "Saved. Its verdict was cleared: it must be verified again." : "Saved.";
  });
}
