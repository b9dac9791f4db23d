// Running the code query audit on a repository (a directory inside TRUSTBOARD_RESULTS_ROOTS, or
// an uploaded ZIP) and recording it: the Markdown report becomes automated evidence, each
// statement without its tenant predicate a backlog item keyed `code:<check>:<file>:<hash>`.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { allowedDirectory } from "@/lib/collectors/test-results/directories";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordScan, type RecordedScan, type ScanFindingInput } from "@/lib/scanners/record-scan";
import { auditSources, loadParser, type CodeAuditReport, type CodeFinding } from "./audit";
import { readSourceArchive, readSourceDirectory, type ReadSources } from "./read-sources";
import { codeAuditMarkdown } from "./report-markdown";

/** Tenant isolation is logical access control. */
export const CODE_AUDIT_CRITERIA = ["CC6.1"];

export interface CodeAuditRun {
  report: CodeAuditReport;
  markdown: string;
  recorded: RecordedScan | null;
}

export function codeScanFindings(report: CodeAuditReport): ScanFindingInput[] {
  const hint = report.tenantColumns.join(" / ");
  return report.findings.map((f: CodeFinding) => ({
    key: `code:${f.check}:${f.file.slice(-300)}:${f.hash}`,
    check: f.check,
    level: "warn",
    object: f.table,
    message:
      f.check === "insert_without_tenant"
        ? `INSERT into ${f.table} without its tenant column at ${f.file}:${f.line}: ${f.sql}`
        : `${f.verb} on ${f.table} without a tenant predicate at ${f.file}:${f.line}: ${f.sql}`,
    remediation:
      f.check === "insert_without_tenant"
        ? `Add the tenant column (${hint}) to the INSERT's column list and values.`
        : `Add the tenant predicate (AND <${hint}> = $n) to the statement's WHERE clause, or record why a prior check makes it safe.`,
    criteria: CODE_AUDIT_CRITERIA,
    file: f.file,
    line: f.line,
  }));
}

/**
 * Tenant-scoped tables from the latest PostgreSQL posture scan's report (schema.table), or none
 * when there is no such scan or its report is not the posture scanner's JSON.
 */
async function postureTenantTables(): Promise<string[]> {
  const prisma = await db();
  const scan = await prisma.scan.findFirst({
    where: { kind: "postgres" },
    orderBy: { at: "desc" },
    select: { reportSha256: true },
  });
  if (!scan) return [];
  const blob = await prisma.evidenceBlob.findUnique({
    where: { sha256: scan.reportSha256 },
    select: { content: true },
  });
  if (!blob) return [];
  try {
    const report = JSON.parse(new TextDecoder().decode(blob.content)) as {
      scanner?: string;
      tables?: { schema?: string; name?: string; role?: string }[];
    };
    if (report.scanner !== "trustboard-postgres-posture" || !Array.isArray(report.tables))
      return [];
    return report.tables
      .filter((t) => t.role === "tenant" && t.name)
      .map((t) => (t.schema ? `${t.schema}.${t.name}` : t.name!));
  } catch {
    return [];
  }
}

async function auditAndRecord(
  actor: Actor,
  source: string,
  sources: ReadSources,
  opts: { tenantColumns?: string[]; record: boolean },
): Promise<CodeAuditRun> {
  await loadParser();
  const report = auditSources(
    sources.files,
    // Without recording there may be no database (the CLI's --no-record): no posture scan then.
    {
      tenantColumns: opts.tenantColumns,
      tenantTables: opts.record ? await postureTenantTables() : [],
    },
    sources.skipped,
  );
  const markdown = codeAuditMarkdown(report, { source, generatedAt: new Date() });
  if (!opts.record) return { report, markdown, recorded: null };
  const recorded = await recordScan(actor, {
    kind: "code",
    source,
    findings: codeScanFindings(report),
    criteria: CODE_AUDIT_CRITERIA,
    report: {
      fileName: "code-query-audit.md",
      contentType: "text/markdown",
      bytes: new TextEncoder().encode(markdown),
    },
    summary: {
      files: report.totals.files,
      statements: report.totals.statements,
      tenantStatements: report.totals.tenant.statements,
      notAnalysed: report.totals.notAnalysed,
    },
  });
  return { report, markdown, recorded };
}

/** A directory on the server, inside the allowed roots (checked on its real path). */
export async function runCodeAuditOnDirectory(
  actor: Actor | null,
  input: { path: string; tenantColumns?: string[]; record?: boolean },
  roots = env().TRUSTBOARD_RESULTS_ROOTS,
): Promise<CodeAuditRun> {
  authorize(actor, "scans.run");
  const real = allowedDirectory(input.path, roots);
  return auditAndRecord(actor, real, readSourceDirectory(real), {
    tenantColumns: input.tenantColumns,
    record: input.record ?? true,
  });
}

/** An uploaded ZIP of the repository; its entries are read in memory, never extracted. */
export async function runCodeAuditOnArchive(
  actor: Actor | null,
  input: { fileName: string; bytes: Uint8Array; tenantColumns?: string[] },
): Promise<CodeAuditRun> {
  authorize(actor, "scans.run");
  const sources = await readSourceArchive(input.bytes);
  return auditAndRecord(actor, `upload:${input.fileName}`, sources, {
    tenantColumns: input.tenantColumns,
    record: true,
  });
}
