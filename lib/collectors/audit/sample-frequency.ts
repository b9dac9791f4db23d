import type { Tx } from "@/lib/db/tx";
import { notFound } from "@/lib/errors";
import { daysBetween } from "@/lib/dates";
import { deriveFrequency, type Frequency } from "@/lib/coverage/frequency";
import { resolveExpiry } from "@/lib/status/expiry";

/** A control's frequency: set on it, or derived from its evidence as coverage derives it. */
export async function controlFrequency(
  prisma: Tx,
  controlId: string,
): Promise<{ ref: string; frequency: Frequency }> {
  const c = await prisma.control.findUnique({
    where: { id: controlId },
    select: {
      ref: true,
      frequency: true,
      expectedEvents: { select: { maxSilenceDays: true } },
      evidence: {
        select: {
          evidence: {
            select: { reviewState: true, evidenceDate: true, expiresOn: true, renewalDays: true },
          },
        },
      },
    },
  });
  if (!c) throw notFound("That control does not exist.");
  if (c.frequency) return { ref: c.ref, frequency: c.frequency };
  const tested = await prisma.testRunControl.findFirst({
    where: { controlId },
    select: { runId: true },
  });
  const renewals = c.evidence.flatMap(({ evidence: e }) => {
    const expires = e.reviewState === "accepted" ? resolveExpiry(e) : null;
    return expires ? [daysBetween(e.evidenceDate, expires)] : [];
  });
  return {
    ref: c.ref,
    frequency: deriveFrequency({
      hasTestRuns: tested !== null,
      silenceDays: c.expectedEvents.map((e) => e.maxSilenceDays),
      renewalDays: renewals,
    }),
  };
}
