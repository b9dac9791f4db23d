// `scan code --path DIR [--tenant-columns a,b] [--json] [--sarif FILE] [--no-record]`: the code
// query audit from the command line, acting as CLI_ACTOR. The command line trusts its operator
// (who can read the files anyway): the directory need not be inside TRUSTBOARD_RESULTS_ROOTS,
// which bounds what the web app may read.
import { realpathSync, writeFileSync } from "node:fs";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { runCodeAuditOnDirectory } from "@/lib/scanners/code/run-code-audit";
import { codeAuditSarif } from "@/lib/scanners/code/to-sarif";

export interface ScanCodeOptions {
  path?: string;
  "tenant-columns"?: string;
  json?: boolean;
  sarif?: string;
  record: boolean;
}

export async function runScanCode(
  opts: ScanCodeOptions,
  out: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  if (!opts.path) throw invalid("--path: give the repository directory to audit");
  let real: string;
  try {
    real = realpathSync(opts.path);
  } catch {
    throw invalid(`--path: ${opts.path} does not exist`);
  }
  const tenantColumns = opts["tenant-columns"]
    ?.split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  const run = await runCodeAuditOnDirectory(
    CLI_ACTOR,
    { path: real, tenantColumns, record: opts.record },
    [real],
  );
  if (opts.sarif)
    writeFileSync(opts.sarif, JSON.stringify(codeAuditSarif(run.report), null, 2) + "\n");
  if (opts.json)
    out(
      JSON.stringify(
        {
          source: real,
          ...run.report,
          recorded: run.recorded
            ? {
                scanId: run.recorded.scanId,
                reportSha256: run.recorded.reportSha256,
                diff: run.recorded.diff,
                backlog: run.recorded.backlog,
              }
            : null,
        },
        null,
        2,
      ) + "\n",
    );
  else {
    out(run.markdown);
    if (run.recorded)
      out(
        `\nRecorded: ${run.recorded.diff.new.length} new, ${run.recorded.diff.fixed.length} fixed, ${run.recorded.diff.stillOpen.length} still open; backlog ${run.recorded.backlog.created.length} created, ${run.recorded.backlog.resolved.length} resolved.\n`,
      );
  }
  return 0;
}
