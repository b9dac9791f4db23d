// The automated evidence a scan leaves: one item per scan, linked to the controls mapped to
// the criteria the scan bears on, with the report stored as its file (SHA-256 kept).
import type { ActivityActor } from "@/lib/activity/record";
import { addDays, startOfUtcDay } from "@/lib/dates";
import type { Tx } from "@/lib/db/tx";
import { storeRevision } from "@/lib/evidence/store-file";

/** A scan older than this no longer counts as current evidence; the schedule renews it. */
export const SCAN_EVIDENCE_DAYS = 30;

export interface ScanEvidenceInput {
  title: string;
  body: string;
  criteria: string[];
  report: { fileName: string; contentType: string; bytes: Uint8Array };
  sha256: string;
  /** The account that ran it, when a person did (the scheduler and the CLI are none). */
  uploaderId: string | null;
  createdById: string | null;
}

export async function createScanEvidence(
  tx: Tx,
  input: ScanEvidenceInput,
  now = new Date(),
): Promise<string> {
  const links = input.criteria.length
    ? await tx.controlCriterion.findMany({
        where: { criterionId: { in: input.criteria }, control: { archivedAt: null } },
        select: { controlId: true },
        distinct: ["controlId"],
      })
    : [];
  const evidence = await tx.evidence.create({
    data: {
      title: input.title.slice(0, 300),
      body: input.body,
      kind: "automated",
      evidenceDate: startOfUtcDay(now),
      expiresOn: addDays(startOfUtcDay(now), SCAN_EVIDENCE_DAYS),
      reviewState: "accepted",
      reviewedAt: now,
      createdById: input.createdById,
      controls: { create: links.map((l) => ({ controlId: l.controlId })) },
    },
    select: { id: true },
  });
  await storeRevision(
    tx,
    evidence.id,
    1,
    {
      fileName: input.report.fileName,
      contentType: input.report.contentType,
      content: Buffer.from(input.report.bytes),
      sha256: input.sha256,
      findings: [],
      redacted: false,
    },
    input.uploaderId,
  );
  return evidence.id;
}

export type { ActivityActor };
