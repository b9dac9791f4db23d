// The code query audit, pure: source files in, the report out (per table the statements by
// verb, the statements on tenant-scoped tables without a tenant predicate, and what could not
// be analysed). Reading a directory or an archive is done elsewhere; nothing here touches disk.
import { createHash } from "node:crypto";
import { fingerprintSync } from "libpg-query";
import { analyseStatement, type Verb } from "./analyse-statement";
import {
  type CodeAuditOptions,
  type CodeAuditReport,
  type CodeCheck,
  type CodeFinding,
  type NotAnalysed,
  type SourceFile,
  type TableReport,
} from "./audit-report";
import { DEFAULT_TENANT_COLUMNS } from "../default-tenant-columns";
import { oneLine, parseSite, sitesOf, type ParsedStatement } from "./parse-sites";
import { tenantColumnsSeen } from "./tenant-columns";

export * from "./audit-report";
export { languageOf, loadParser } from "./parse-sites";

const VERB_KEYS: Record<Verb, keyof TableReport | null> = {
  SELECT: "select",
  INSERT: "insert",
  UPDATE: "update",
  DELETE: "delete",
  MERGE: "merge",
  OTHER: null,
};

/** Audits source files; call `loadParser()` first (the parser is WebAssembly). */
export function auditSources(
  files: SourceFile[],
  options: CodeAuditOptions = {},
  skipped: { file: string; reason: string }[] = [],
): CodeAuditReport {
  const tenantColumns = (
    options.tenantColumns?.length ? options.tenantColumns : DEFAULT_TENANT_COLUMNS
  )
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  const columnSet = new Set(tenantColumns);
  const parsed: ParsedStatement[] = [];
  const notAnalysed: NotAnalysed[] = [];
  const filesWithSql = new Set<string>();
  for (const f of files) {
    const sites = sitesOf(f);
    if (sites.length) filesWithSql.add(f.path);
    for (const site of sites) {
      parseSite(site, parsed, notAnalysed);
    }
  }

  // First pass: which tables are tenant-scoped (posture scan, then schema DDL, then the code).
  const tenantSource = new Map<string, TableReport["tenantSource"]>();
  for (const t of options.tenantTables ?? []) {
    const name = t.trim().toLowerCase();
    tenantSource.set(name, "posture scan");
    // Unqualified names in the code resolve through search_path, which starts with public.
    if (name.startsWith("public.")) tenantSource.set(name.slice("public.".length), "posture scan");
  }
  const learn = (table: string, source: "schema" | "code") => {
    if (!tenantSource.has(table)) tenantSource.set(table, source);
  };
  const noTenant = () => false;
  for (const p of parsed) {
    for (const t of analyseStatement(p.stmt, { tenantColumns: columnSet, isTenantTable: noTenant })
      .tenantColumnTables)
      learn(t, "schema");
  }
  for (const p of parsed) for (const t of tenantColumnsSeen(p.stmt, columnSet)) learn(t, "code");
  const scopeOf = (table: string) =>
    tenantSource.get(table) ?? tenantSource.get(table.slice(table.lastIndexOf(".") + 1)) ?? null;
  const isTenantTable = (table: string) => scopeOf(table) !== null;

  // Second pass: verbs per table and the statements that miss their tenant predicate.
  const tables = new Map<string, TableReport>();
  const totals = { statements: 0, select: 0, insert: 0, update: 0, delete: 0, merge: 0, other: 0 };
  const findings = new Map<string, CodeFinding>();
  const tenant = { statements: 0, select: 0, insert: 0, update: 0, delete: 0 };
  for (const p of parsed) {
    const facts = analyseStatement(p.stmt, { tenantColumns: columnSet, isTenantTable });
    totals.statements += 1;
    if (facts.uses.some((u) => isTenantTable(u.table))) {
      tenant.statements += 1;
      const k = VERB_KEYS[facts.verb];
      if (k === "select" || k === "insert" || k === "update" || k === "delete") tenant[k] += 1;
    }
    const key = VERB_KEYS[facts.verb];
    if (key) totals[key as "select"] += 1;
    else totals.other += 1;
    const counted = new Set<string>();
    for (const use of facts.uses) {
      let t = tables.get(use.table);
      if (!t) {
        t = {
          table: use.table,
          tenantScoped: isTenantTable(use.table),
          tenantSource: scopeOf(use.table),
          select: 0,
          insert: 0,
          update: 0,
          delete: 0,
          merge: 0,
          withoutTenantPredicate: 0,
          files: [],
        };
        tables.set(use.table, t);
      }
      // One statement counts once per table and verb (a self-join is one SELECT).
      const once = `${use.table}|${use.verb}`;
      const verbKey = VERB_KEYS[use.verb];
      if (verbKey && !counted.has(once)) (t[verbKey] as number) += 1;
      if (!t.files.includes(p.site.file)) t.files.push(p.site.file);
      if (!t.tenantScoped || use.tenantFiltered || counted.has(`${once}|finding`)) {
        counted.add(once);
        continue;
      }
      counted.add(once);
      counted.add(`${once}|finding`);
      t.withoutTenantPredicate += 1;
      const check: CodeCheck =
        use.verb === "INSERT" ? "insert_without_tenant" : "missing_tenant_predicate";
      let fp: string;
      try {
        fp = fingerprintSync(p.sql);
      } catch {
        fp = p.sql.replace(/\s+/g, " ");
      }
      const hash = createHash("sha256")
        .update(`${check}|${use.table}|${fp}`)
        .digest("hex")
        .slice(0, 12);
      const findingKey = `${p.site.file}|${hash}`;
      // The same statement twice in a file is one finding, at its first line.
      if (!findings.has(findingKey))
        findings.set(findingKey, {
          check,
          table: use.table,
          verb: use.verb,
          file: p.site.file,
          line: p.line,
          sql: oneLine(p.sql),
          hash,
        });
    }
  }
  const sortedTables = [...tables.values()].sort(
    (a, b) => Number(b.tenantScoped) - Number(a.tenantScoped) || a.table.localeCompare(b.table),
  );
  for (const t of sortedTables) t.files.sort();
  const byPlace = <T extends { file: string; line: number }>(a: T, b: T) =>
    a.file.localeCompare(b.file) || a.line - b.line;
  return {
    tenantColumns,
    totals: {
      files: files.length,
      filesWithSql: filesWithSql.size,
      ...totals,
      notAnalysed: notAnalysed.length,
      findings: findings.size,
      tenant,
    },
    tables: sortedTables,
    findings: [...findings.values()].sort(byPlace),
    notAnalysed: notAnalysed.sort(byPlace),
    skipped,
  };
}
