// The audit as a Markdown document in the shape of the query audit people wrote by hand (the
// seed's 000 report): executive summary, tables audited, query count, findings by table, and
// the conclusion; plus what the machine could not read, which a hand-written report leaves out.
import { isoDay } from "@/lib/dates";
import type { CodeAuditReport } from "./audit";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (s: string) => "`" + s.replace(/`/g, "'") + "`";

export function codeAuditMarkdown(
  report: CodeAuditReport,
  opts: { source: string; generatedAt: Date },
): string {
  const { totals } = report;
  const tenantTables = report.tables.filter((t) => t.tenantScoped);
  const platformTables = report.tables.filter((t) => !t.tenantScoped);
  const passed = report.findings.length === 0;
  const l: string[] = [];
  l.push("# SOC 2 Query Audit Report");
  l.push(`**Date:** ${isoDay(opts.generatedAt)}`);
  l.push("**Auditor:** Trustboard code query audit (automated)");
  l.push(`**Scope:** Multi-tenant database query authorization in ${code(opts.source)}`);
  l.push("", "---", "", "## Executive Summary", "");
  l.push(
    `${totals.statements} SQL statement(s) found in ${totals.filesWithSql} of ${totals.files} source file(s); ` +
      `${totals.tenant.statements} touch tenant-scoped tables (tenant columns: ${report.tenantColumns.map(code).join(", ")}). ` +
      (passed
        ? "**Every statement on a tenant-scoped table carries a tenant predicate.**"
        : `**${report.findings.length} statement(s) on tenant-scoped tables lack a tenant predicate.**`) +
      (totals.notAnalysed
        ? ` ${totals.notAnalysed} place(s) build their SQL at run time or could not be parsed: listed under "Not analysed".`
        : ""),
  );
  l.push("", "---", "", "## Audit Methodology", "", "### Tables Audited (Multi-Tenant)");
  if (!tenantTables.length) l.push("- none found");
  for (const t of tenantTables)
    l.push(`- ${code(t.table)} - tenant column known from the ${t.tenantSource}`);
  l.push("", "### Tables Audited (Platform-Level)");
  if (!platformTables.length) l.push("- none found");
  for (const t of platformTables) l.push(`- ${code(t.table)} - no tenant column known`);
  l.push("", "### Query Count");
  l.push(`- **${totals.tenant.statements} total queries** across multi-tenant tables`);
  l.push(
    `- ${totals.tenant.select} SELECT, ${totals.tenant.insert} INSERT, ${totals.tenant.update} UPDATE, ${totals.tenant.delete} DELETE`,
  );
  l.push(
    `- All statements: ${totals.statements} (${totals.select} SELECT, ${totals.insert} INSERT, ${totals.update} UPDATE, ${totals.delete} DELETE, ${totals.merge} MERGE, ${totals.other} other)`,
  );
  l.push("", "---", "", "## Findings by Table", "");
  tenantTables.forEach((t, idx) => {
    const status = t.withoutTenantPredicate
      ? `${t.withoutTenantPredicate} WITHOUT TENANT PREDICATE`
      : "SECURE";
    l.push(`### ${idx + 1}. ${t.table} (${status})`);
    l.push(`**Location:** ${t.files.map(code).join(", ")}`);
    l.push(
      "",
      `**Statements:** ${t.select} SELECT, ${t.insert} INSERT, ${t.update} UPDATE, ${t.delete} DELETE${t.merge ? `, ${t.merge} MERGE` : ""}`,
    );
    const own = report.findings.filter((f) => f.table === t.table);
    if (own.length) {
      l.push("", "**Without a tenant predicate:**");
      for (const f of own) l.push(`- ${code(`${f.file}:${f.line}`)} ${f.verb}: ${code(f.sql)}`);
    }
    l.push("");
  });
  if (platformTables.length) {
    l.push(`### ${tenantTables.length + 1}. Platform-Level Tables`, "");
    l.push("| Table | Statements | Location |", "|-------|------------|----------|");
    for (const t of platformTables)
      l.push(
        `| ${code(t.table)} | ${t.select + t.insert + t.update + t.delete + t.merge} | ${cell(t.files.join(", "))} |`,
      );
    l.push("");
  }
  l.push("---", "", "## Not analysed", "");
  if (!report.notAnalysed.length && !report.skipped.length)
    l.push("Every SQL string found was parsed by PostgreSQL's parser.");
  if (report.notAnalysed.length) {
    l.push("| File | Line | Found through | Reason |", "|------|------|---------------|--------|");
    for (const n of report.notAnalysed)
      l.push(`| ${cell(n.file)} | ${n.line} | ${cell(n.via)} | ${cell(n.reason)} |`);
  }
  if (report.skipped.length) {
    l.push("", "Files not read:");
    for (const s of report.skipped) l.push(`- ${code(s.file)}: ${s.reason}`);
  }
  l.push("", "---", "", "## Conclusion", "");
  l.push(`**Audit Status:** ${passed ? "PASSED" : "FINDINGS"}`);
  l.push(
    "",
    passed
      ? "Every statement found on a tenant-scoped table filters by tenant."
      : "Add the tenant predicate (or the tenant column) to each statement listed above, or record why a prior check makes it safe.",
  );
  return l.join("\n") + "\n";
}
