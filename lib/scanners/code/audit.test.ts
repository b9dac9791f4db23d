import { beforeAll, describe, expect, it } from "vitest";
import { CODE_AUDIT_REPO } from "@/lib/testing/fixture-path";
import { readSarif } from "@/lib/scanners/sarif/parse-sarif";
import { auditSources, loadParser, type CodeAuditReport } from "./audit";
import { readSourceDirectory } from "./read-sources";
import { codeAuditMarkdown } from "./report-markdown";
import { codeAuditSarif } from "./to-sarif";

let report: CodeAuditReport;
beforeAll(async () => {
  await loadParser();
  report = auditSources(readSourceDirectory(CODE_AUDIT_REPO).files);
});

const where = (xs: { file: string; line: number }[]) => xs.map((x) => `${x.file}:${x.line}`);

describe("code query audit of the fixture repository", () => {
  it("reads every language's source files", () => {
    expect(report.totals.files).toBe(5);
    expect(report.totals.filesWithSql).toBe(5);
  });

  it("counts statements per table by verb, the tenant root and platform tables apart", () => {
    const t = Object.fromEntries(report.tables.map((x) => [x.table, x]));
    expect(t.api_keys).toMatchObject({
      tenantScoped: true,
      tenantSource: "schema",
      select: 2,
      update: 1,
      delete: 1,
    });
    expect(t.invoices).toMatchObject({ tenantScoped: true, select: 4, update: 1, delete: 1 });
    expect(t.users).toMatchObject({ tenantScoped: true, select: 2, insert: 1, delete: 1 });
    expect(t.projects).toMatchObject({ tenantScoped: true, select: 2, withoutTenantPredicate: 0 });
    expect(t.email_routing_rules).toMatchObject({ tenantScoped: false, select: 1, insert: 1 });
    // The tenant root has no tenant column: never reported as missing a predicate.
    expect(t.organizations).toBeUndefined();
    expect(report.totals).toMatchObject({
      statements: 24,
      select: 10,
      insert: 2,
      update: 2,
      delete: 3,
    });
    expect(report.totals.tenant).toEqual({
      statements: 15,
      select: 9,
      insert: 1,
      update: 2,
      delete: 3,
    });
  });

  it("reports each statement on a tenant-scoped table without a tenant predicate, with file and line", () => {
    expect(report.findings.map((f) => [f.check, f.table, f.verb, `${f.file}:${f.line}`])).toEqual([
      ["missing_tenant_predicate", "api_keys", "UPDATE", "crates/api/src/routes/api_keys.rs:22"],
      ["missing_tenant_predicate", "invoices", "DELETE", "migrations/001_init.sql:39"],
      ["missing_tenant_predicate", "users", "DELETE", "svc/store.go:18"],
      ["missing_tenant_predicate", "invoices", "UPDATE", "web/src/invoices.ts:10"],
      ["missing_tenant_predicate", "users", "SELECT", "web/src/invoices.ts:21"],
      ["insert_without_tenant", "users", "INSERT", "worker/jobs.py:15"],
    ]);
    expect(report.findings[2]!.sql).toBe("DELETE FROM users WHERE id = $1");
  });

  it("lists dynamic and unparseable SQL as not analysed, with the reason", () => {
    expect(where(report.notAnalysed)).toEqual([
      "crates/api/src/routes/api_keys.rs:51",
      "svc/store.go:30",
      "web/src/invoices.ts:25",
      "worker/jobs.py:23",
      "worker/jobs.py:34",
    ]);
    expect(report.notAnalysed.map((n) => n.reason)).toEqual([
      'passed in the variable "sql": the SQL is not a literal here',
      "built with fmt.Sprintf",
      "built by string interpolation (f-string or template with ${…})",
      "built by string interpolation (f-string or template with ${…})",
      expect.stringContaining('syntax error at or near "SELEC"'),
    ]);
  });

  it("takes tenant tables from a posture scan and other tenant column names", async () => {
    const r = auditSources(readSourceDirectory(CODE_AUDIT_REPO).files, {
      tenantColumns: ["pattern"],
      tenantTables: ["public.email_routing_rules"],
    });
    const rules = r.tables.find((t) => t.table === "email_routing_rules")!;
    expect(rules).toMatchObject({ tenantScoped: true, tenantSource: "posture scan" });
    // With "pattern" as the only tenant column, users is no longer tenant-scoped.
    expect(r.tables.find((t) => t.table === "users")!.tenantScoped).toBe(false);
    expect(r.findings.map((f) => `${f.table}:${f.verb}`)).toEqual(["email_routing_rules:SELECT"]);
  });

  it("keys a finding by its statement, not its line", () => {
    const moved = readSourceDirectory(CODE_AUDIT_REPO).files.map((f) =>
      f.path === "svc/store.go" ? { ...f, content: "\n\n\n" + f.content } : f,
    );
    const again = auditSources(moved);
    const before = report.findings.find((f) => f.file === "svc/store.go")!;
    const after = again.findings.find((f) => f.file === "svc/store.go")!;
    expect(after.line).toBe(before.line + 3);
    expect(after.hash).toBe(before.hash);
  });

  it("renders the seed report's shape", () => {
    const md = codeAuditMarkdown(report, { source: "repo", generatedAt: new Date() });
    expect(md).toMatch(/^# SOC 2 Query Audit Report\n\*\*Date:\*\* \d{4}-\d\d-\d\d/);
    expect(md).toContain("### Tables Audited (Multi-Tenant)");
    expect(md).toContain("- **15 total queries** across multi-tenant tables");
    expect(md).toContain("- 9 SELECT, 1 INSERT, 2 UPDATE, 3 DELETE");
    expect(md).toContain("### 1. api_keys (1 WITHOUT TENANT PREDICATE)");
    expect(md).toContain("### 3. projects (SECURE)");
    expect(md).toContain("| svc/store.go | 30 | .Query( | built with fmt.Sprintf |");
    expect(md).toContain("**Audit Status:** FINDINGS");
  });

  it("exports SARIF 2.1.0 that reads back into the same findings", () => {
    const sarif = codeAuditSarif(report);
    const [run] = readSarif(JSON.parse(JSON.stringify(sarif)));
    expect(run!.tool).toBe("Trustboard code query audit");
    expect(run!.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.sarifLevel}`)).toEqual(
      report.findings.map((f) => `${f.file}:${f.line}:${f.check}:warning`),
    );
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications).toHaveLength(5);
  });
});

describe("a clean repository", () => {
  it("passes", () => {
    const r = auditSources([
      { path: "a.sql", content: "CREATE TABLE t (id int, tenant_id int);" },
      { path: "b.ts", content: 'db.query("SELECT * FROM t WHERE tenant_id = $1", [x]);' },
    ]);
    expect(r.findings).toEqual([]);
    expect(codeAuditMarkdown(r, { source: "x", generatedAt: new Date() })).toContain(
      "**Audit Status:** PASSED",
    );
  });
});

describe("a .sql file the parser refuses whole", () => {
  it("is analysed statement by statement; only the bad one is not analysed, at its line", () => {
    const r = auditSources([
      {
        path: "db/m.sql",
        content: [
          "CREATE TABLE t (id int, org_id int);",
          "\\connect other",
          "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
          "-- a comment; with a semicolon",
          "DELETE FROM t WHERE id = 1;",
        ].join("\n"),
      },
    ]);
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.verb}`)).toEqual(["db/m.sql:5:DELETE"]);
    expect(r.notAnalysed.map((n) => `${n.file}:${n.line}`)).toEqual(["db/m.sql:2"]);
    // The psql meta-command ends at its line, not at a semicolon: the function after it shares
    // its piece and is not analysed with it.
    expect(r.totals.statements).toBe(2);
  });
});
