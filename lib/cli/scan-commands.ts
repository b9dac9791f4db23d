// `scan postgres --url URL [--tenant-columns a,b] [--json] [--dry-run]`: scans a database's
// posture; records it in Trustboard (evidence, diff, backlog) unless --dry-run. With --json
// the report (tables and findings) goes to standard output and nothing else does.
import { CLI_ACTOR } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import type { PostureReport } from "@/lib/scanners/postgres/analyse";
import { recordPostureReport, scanUrl } from "@/lib/scanners/postgres/run-posture-scan";

export interface ScanCommandOptions {
  url?: string;
  "tenant-columns"?: string;
  json?: boolean;
  "dry-run"?: boolean;
}

export function needsDatabase(opts: ScanCommandOptions): boolean {
  return !opts["dry-run"];
}

function summaryLines(r: PostureReport): string[] {
  return [
    `${r.database} on ${r.server} as ${r.role.name}${r.notRepresentative ? " (not representative: embedded PGlite)" : ""}: ${r.summary.tables} tables, ${r.summary.tenantTables} tenant-scoped`,
    ...r.findings.map((f) => `${f.level.padEnd(5)} ${f.check.padEnd(30)} ${f.object}`),
    `${r.summary.error} error(s), ${r.summary.warn} warning(s), ${r.summary.info} note(s)`,
  ];
}

export async function runScanCommand(
  command: string,
  opts: ScanCommandOptions,
  out: (line: string) => void = console.log,
): Promise<number> {
  if (command !== "postgres")
    throw invalid(`Unknown command "scan ${command}". Use "scan postgres".`);
  if (!opts.url) throw invalid("--url: give the database's postgresql:// connection string");
  const tenantColumns = opts["tenant-columns"]?.split(",");
  const report = await scanUrl(CLI_ACTOR, opts.url, tenantColumns);
  const recorded = opts["dry-run"] ? null : await recordPostureReport(CLI_ACTOR, report);
  if (opts.json) {
    out(JSON.stringify(report, null, 2));
  } else {
    for (const line of summaryLines(report)) out(line);
    if (recorded)
      out(
        `Recorded scan ${recorded.scanId} (report sha256 ${recorded.reportSha256}): ${recorded.diff.new.length} new, ${recorded.diff.fixed.length} fixed, ${recorded.diff.stillOpen.length} still open; backlog ${recorded.backlog.created.length} created, ${recorded.backlog.reopened.length} reopened, ${recorded.backlog.resolved.length} resolved.`,
      );
  }
  return report.summary.error > 0 ? 3 : 0;
}
