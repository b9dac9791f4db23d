// The one place a scanner's result enters Trustboard (PostgreSQL posture, code query audit,
// SARIF): the scan and its findings are stored, the report becomes automated evidence on the
// mapped controls, the diff with the previous scan of the same kind and source is kept, and
// the backlog follows the findings — all in one transaction with its activity row.
import "server-only";
import { createHash } from "node:crypto";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { assertCriteriaExist } from "@/lib/criteria/assert-criteria";
import { db } from "@/lib/db";
import { invalid, tooLarge } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "@/lib/evidence/limits";
import { syncBacklog } from "./backlog-sync";
import { diffScans, type FindingLevel } from "./scan-diff";
import { createScanEvidence } from "./scan-evidence";
import { SCAN_KIND_LABEL, type ScanKind } from "./scan-labels";

export type { FindingLevel } from "./scan-diff";
export type { ScanKind } from "./scan-labels";

export interface ScanFindingInput {
  /** Stable across scans, e.g. `pg:<check>:<object>`; the backlog item is idempotent by it. */
  key: string;
  check: string;
  level: FindingLevel;
  object: string;
  message: string;
  remediation?: string | null;
  criteria: string[];
  file?: string | null;
  line?: number | null;
}

export interface RecordScanInput {
  kind: ScanKind;
  /** Database name, repository path or SARIF tool name: the diff compares with the previous scan of the same kind+source. */
  source: string;
  findings: ScanFindingInput[];
  report: { fileName: string; contentType: string; bytes: Uint8Array };
  notRepresentative?: boolean;
  summary?: Record<string, number>;
  /** Criteria the scan as a whole bears on (its evidence links their controls even when it finds nothing); default: the findings' criteria. */
  criteria?: string[];
}

export interface RecordedScan {
  scanId: string;
  reportSha256: string;
  diff: { new: string[]; fixed: string[]; stillOpen: string[] };
  backlog: { created: string[]; reopened: string[]; resolved: string[] };
}

/** Scans of one kind+source are recorded one at a time, so each diff sees the one before. */
const SCAN_LOCK = 7270014;

function checkInput(input: RecordScanInput) {
  if (!input.source.trim()) throw invalid("A scan needs a source.", "source");
  if (input.report.bytes.length > MAX_UPLOAD_BYTES)
    throw tooLarge(
      `The scan report is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; nothing was saved.`,
    );
  const seen = new Set<string>();
  for (const f of input.findings) {
    if (!f.key.trim() || f.key.length > 500)
      throw invalid(`Bad finding key "${f.key.slice(0, 80)}".`);
    if (seen.has(f.key)) throw invalid(`Finding key ${f.key} appears twice in one scan.`);
    seen.add(f.key);
  }
}

export async function recordScan(
  actor: Actor | null,
  input: RecordScanInput,
): Promise<RecordedScan> {
  // Pushed SARIF arrives with an ingest token; scans run here need a person or the system.
  authorize(actor, input.kind === "sarif" ? "findings.ingest" : "scans.run");
  checkInput(input);
  const reportSha256 = createHash("sha256").update(input.report.bytes).digest("hex");
  const criteria = [...new Set(input.criteria ?? input.findings.flatMap((f) => f.criteria))].sort();
  const label = `${SCAN_KIND_LABEL[input.kind]} of ${input.source}`;
  const counts = { error: 0, warn: 0, info: 0 };
  for (const f of input.findings) counts[f.level]++;
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SCAN_LOCK}::int, hashtext(${`${input.kind}:${input.source}`}))`;
      await assertCriteriaExist(tx, [...criteria, ...input.findings.flatMap((f) => f.criteria)]);
      const previous = await tx.scan.findFirst({
        where: { kind: input.kind, source: input.source },
        orderBy: { at: "desc" },
        select: { findings: { select: { key: true } } },
      });
      const now = new Date();
      const diff = diffScans(
        previous ? previous.findings.map((f) => f.key) : null,
        input.findings.map((f) => f.key),
      );
      const title = `${label}: ${counts.error} error(s), ${counts.warn} warning(s), ${counts.info} note(s)${input.notRepresentative ? " — not representative" : ""}`;
      const evidenceId = await createScanEvidence(
        tx,
        {
          title,
          body: [
            `${input.findings.length} finding(s): ${diff.new.length} new, ${diff.fixed.length} fixed since the previous scan, ${diff.stillOpen.length} still open.`,
            input.notRepresentative
              ? "Not representative: the scan connected as a superuser, which bypasses row-level security."
              : null,
            `Report ${input.report.fileName}, SHA-256 ${reportSha256}.`,
          ]
            .filter(Boolean)
            .join("\n"),
          criteria,
          report: input.report,
          sha256: reportSha256,
          uploaderId: actor.kind === "user" ? actor.id : null,
          createdById: actor.id,
        },
        now,
      );
      const scan = await tx.scan.create({
        data: {
          kind: input.kind,
          source: input.source,
          at: now,
          actorEmail: actor.email,
          notRepresentative: input.notRepresentative ?? false,
          summary: { ...counts, ...input.summary },
          reportFileName: input.report.fileName,
          reportSha256,
          evidenceId,
          diffNew: diff.new,
          diffFixed: diff.fixed,
          diffStillOpen: diff.stillOpen,
        },
        select: { id: true },
      });
      await tx.scanFinding.createMany({
        data: input.findings.map((f) => ({
          scanId: scan.id,
          key: f.key,
          check: f.check,
          level: f.level,
          object: f.object,
          message: f.message,
          remediation: f.remediation ?? null,
          criteria: f.criteria,
          file: f.file ?? null,
          line: f.line ?? null,
        })),
      });
      const backlog = await syncBacklog(tx, actor, input.findings, diff.fixed, label, now);
      await recordActivity(tx, actor, {
        action: "scan.record",
        entityType: "scan",
        entityId: scan.id,
        summary: `${title}; ${diff.new.length} new, ${diff.fixed.length} fixed; backlog ${backlog.created.length} created, ${backlog.reopened.length} reopened, ${backlog.resolved.length} resolved`,
        after: {
          kind: input.kind,
          source: input.source,
          reportSha256,
          evidenceId,
          counts,
          notRepresentative: input.notRepresentative ?? false,
          diff: {
            new: diff.new.length,
            fixed: diff.fixed.length,
            stillOpen: diff.stillOpen.length,
          },
          backlog,
        },
      });
      return { scanId: scan.id, reportSha256, diff, backlog };
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}
