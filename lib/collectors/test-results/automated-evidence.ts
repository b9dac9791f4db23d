import type { Tx } from "@/lib/db/tx";
import { addDays, startOfUtcDay } from "@/lib/dates";

export interface EvidenceCase {
  name: string;
  status: string;
  message: string | null;
}

/**
 * The evidence a test run gives one control: produced by the pipeline, so accepted as it
 * arrives (failures surface as status reasons), and only fresh for the control's window.
 */
export async function createAutomatedEvidence(
  tx: Tx,
  run: {
    id: string;
    startedAt: Date;
    durationMs: number;
    commit: string | null;
    ciUrl: string | null;
  },
  controlId: string,
  cases: EvidenceCase[],
  label: string,
  freshnessDays: number,
  now = new Date(),
): Promise<void> {
  const counted = cases.filter((c) => c.status !== "skipped");
  const passed = counted.filter((c) => c.status === "passed").length;
  const failing = counted.filter((c) => c.status === "failed" || c.status === "errored");
  const failingList = failing
    .slice(0, 20)
    .map(
      (c) => `- ${c.name}${c.message ? `: ${(c.message.split("\n")[0] ?? "").slice(0, 200)}` : ""}`,
    );
  await tx.evidence.create({
    data: {
      title: `Tests ${passed}/${counted.length} passing — ${label}${run.commit ? ` @ ${run.commit.slice(0, 12)}` : ""}`,
      kind: "automated",
      body: [
        `${passed} of ${counted.length} mapped tests passed (${cases.length - counted.length} skipped).`,
        `Run duration ${(run.durationMs / 1000).toFixed(1)} s.`,
        ...(failingList.length ? ["Failing:", ...failingList] : []),
      ].join("\n"),
      url: run.ciUrl && /^https?:\/\//.test(run.ciUrl) ? run.ciUrl : null,
      testRunId: run.id,
      evidenceDate: startOfUtcDay(run.startedAt),
      expiresOn: addDays(run.startedAt, freshnessDays),
      reviewState: "accepted",
      reviewedAt: now,
      controls: { create: [{ controlId }] },
    },
  });
}
