import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/tx";
import type { SqlRunner } from "@/lib/db/migrator";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { cutText } from "@/lib/validation/storable";

export interface EvidenceCase {
  name: string;
  status: string;
  message: string | null;
}

export interface EvidenceRun {
  id: string;
  startedAt: Date;
  durationMs: number;
  commit: string | null;
  ciUrl: string | null;
}

/**
 * What a test run says about one control: produced by the pipeline, so accepted as it
 * arrives (failures surface as status reasons), and only fresh for the control's window.
 */
function automatedEvidence(
  run: EvidenceRun,
  cases: EvidenceCase[],
  label: string,
  freshnessDays: number,
) {
  const counted = cases.filter((c) => c.status !== "skipped");
  const passed = counted.filter((c) => c.status === "passed").length;
  const failing = counted.filter((c) => c.status === "failed" || c.status === "errored");
  const failingList = failing
    .slice(0, 20)
    .map(
      (c) => `- ${c.name}${c.message ? `: ${cutText(c.message.split("\n")[0] ?? "", 200)}` : ""}`,
    );
  return {
    title: `Tests ${passed}/${counted.length} passing — ${label}${run.commit ? ` @ ${run.commit.slice(0, 12)}` : ""}`,
    body: [
      `${passed} of ${counted.length} mapped tests passed (${cases.length - counted.length} skipped).`,
      `Run duration ${(run.durationMs / 1000).toFixed(1)} s.`,
      ...(failingList.length ? ["Failing:", ...failingList] : []),
    ].join("\n"),
    url: run.ciUrl && /^https?:\/\//.test(run.ciUrl) ? run.ciUrl : null,
    evidenceDate: startOfUtcDay(run.startedAt),
    expiresOn: addDays(run.startedAt, freshnessDays),
  };
}

/** The evidence a run gives one control, through Prisma (mapping rules applied later). */
export async function createAutomatedEvidence(
  tx: Tx,
  run: EvidenceRun,
  controlId: string,
  cases: EvidenceCase[],
  label: string,
  freshnessDays: number,
  now = new Date(),
  from: Provenance = { tokenId: null, source: null, notCurrentReason: null },
): Promise<void> {
  const accepted = from.notCurrentReason === null;
  await tx.evidence.create({
    data: {
      ...automatedEvidence(run, cases, label, freshnessDays),
      kind: "automated",
      testRunId: run.id,
      reviewState: accepted ? "accepted" : "in_review",
      reviewedAt: accepted ? now : null,
      tokenId: from.tokenId,
      source: from.source,
      notCurrentReason: from.notCurrentReason,
      controls: { create: [{ controlId }] },
    },
  });
}

/** Which token and source produced the evidence, and why it cannot count as current (if so). */
export interface Provenance {
  tokenId: string | null;
  source: string | null;
  notCurrentReason: string | null;
}

/**
 * The same evidence inside a bulk ingest's own SQL transaction (ingest.ts). Evidence that cannot
 * count as current is stored in review, with its reason, instead of accepted.
 */
export async function insertAutomatedEvidence(
  q: Pick<SqlRunner, "query">,
  run: EvidenceRun,
  controlId: string,
  cases: EvidenceCase[],
  label: string,
  freshnessDays: number,
  now = new Date(),
  from: Provenance = { tokenId: null, source: null, notCurrentReason: null },
): Promise<void> {
  const e = automatedEvidence(run, cases, label, freshnessDays);
  const id = randomUUID();
  const accepted = from.notCurrentReason === null;
  await q.query(
    `WITH ev AS (
       INSERT INTO "evidence" ("id", "title", "kind", "url", "body", "test_run_id", "evidence_date", "expires_on", "review_state", "reviewed_at", "updated_at",
                               "token_id", "source", "not_current_reason")
       VALUES ($1::uuid, $2, 'automated', $3, $4, $5::uuid, $6::date, $7::date, $10::text::"ReviewState", CASE WHEN $10::text = 'accepted' THEN $8::timestamptz END, $8::timestamptz,
               $11::uuid, $12, $13)
       RETURNING "id")
     INSERT INTO "evidence_controls" ("evidence_id", "control_id") SELECT "id", $9::uuid FROM ev`,
    [
      id,
      e.title,
      e.url,
      e.body,
      run.id,
      e.evidenceDate.toISOString().slice(0, 10),
      e.expiresOn.toISOString().slice(0, 10),
      now.toISOString(),
      controlId,
      accepted ? "accepted" : "in_review",
      from.tokenId,
      from.source,
      from.notCurrentReason,
    ],
  );
}
