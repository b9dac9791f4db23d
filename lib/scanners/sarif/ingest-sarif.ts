// A SARIF log pushed to POST /api/v1/findings: each run is one scan of kind "sarif" whose source
// is the tool (with its run category), so a later upload of the same tool's run resolves what
// disappeared. The whole log is validated before anything is stored.
import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordScan, type RecordedScan, type ScanFindingInput } from "@/lib/scanners/record-scan";
import { parseSarif, readSarif, type SarifRunFindings } from "./parse-sarif";

/** What a SARIF finding bears on: vulnerability detection and monitoring. */
export const SARIF_CRITERIA = ["CC7.1"];

export interface IngestedSarifRun {
  source: string;
  tool: string;
  scanId: string;
  findings: number;
  ignored: SarifRunFindings["ignored"];
  diff: { new: number; fixed: number; stillOpen: number };
  backlog: RecordedScan["backlog"];
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The backlog-facing finding; the key is unique per tool run source and fingerprint. */
export function sarifScanFindings(run: SarifRunFindings): ScanFindingInput[] {
  const sourceHash = createHash("sha256").update(run.source).digest("hex").slice(0, 8);
  return run.findings.map((f) => {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ""}` : null;
    return {
      key: `sarif:${sourceHash}:${f.key.slice("sarif:".length)}`,
      check: clip(f.ruleId, 200),
      level: f.level,
      object: clip(where ?? f.ruleId, 500),
      // One line: the message is also the backlog item's title.
      message: clip(
        `${run.tool} ${f.ruleId}${where ? ` at ${where}` : ""}: ${f.message}`.replace(/\s+/g, " "),
        4000,
      ),
      remediation: f.helpUri ? `See ${f.helpUri}` : null,
      criteria: SARIF_CRITERIA,
      file: f.file,
      line: f.line,
    };
  });
}

/** `content` is the log's text; `json` the same already parsed, when the caller has it. */
export async function ingestSarif(
  actor: Actor | null,
  content: string,
  json?: unknown,
): Promise<IngestedSarifRun[]> {
  authorize(actor, "findings.ingest");
  const runs = json === undefined ? parseSarif(content) : readSarif(json);
  const bytes = new TextEncoder().encode(content);
  const out: IngestedSarifRun[] = [];
  for (const run of runs) {
    const recorded = await recordScan(actor, {
      kind: "sarif",
      source: run.source,
      findings: sarifScanFindings(run),
      criteria: SARIF_CRITERIA,
      report: {
        fileName: `${run.tool.replace(/[^\w.-]+/g, "-").slice(0, 80) || "sarif"}.sarif`,
        contentType: "application/sarif+json",
        bytes,
      },
      summary: {
        results: run.findings.length,
        suppressed: run.ignored.suppressed,
        notFailures: run.ignored.notFailures,
      },
    });
    out.push({
      source: run.source,
      tool: run.tool,
      scanId: recorded.scanId,
      findings: run.findings.length,
      ignored: run.ignored,
      diff: {
        new: recorded.diff.new.length,
        fixed: recorded.diff.fixed.length,
        stillOpen: recorded.diff.stillOpen.length,
      },
      backlog: recorded.backlog,
    });
  }
  return out;
}
