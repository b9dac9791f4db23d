// The code query audit, pure: source files in, the report out (per table the statements by
// verb, the statements on tenant-scoped tables without a tenant predicate, and what could not
// be analysed). Reading a directory or an archive is done elsewhere; nothing here touches disk.
import { createHash } from "node:crypto";
import { fingerprintSync, loadModule, parseSync } from "libpg-query";
import { analyseStatement, type Verb } from "./analyse-statement";
import { tenantColumnsSeen } from "./tenant-columns";
import { extractSqlSites, type SqlSite } from "./extract-sql";
import { splitStatements, toPostgresPlaceholders } from "./placeholders";
import type { SourceLanguage } from "./source-lexer";

export const DEFAULT_TENANT_COLUMNS = [
  "tenant_id",
  "org_id",
  "organization_id",
  "workspace_id",
  "account_id",
];

export const CODE_CHECKS = {
  missing_tenant_predicate:
    "A SELECT, UPDATE or DELETE on a tenant-scoped table without a tenant predicate",
  insert_without_tenant:
    "An INSERT into a tenant-scoped table whose column list omits the tenant column",
} as const;
export type CodeCheck = keyof typeof CODE_CHECKS;

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}

export interface CodeAuditOptions {
  tenantColumns?: string[];
  /** Tenant-scoped tables known from a PostgreSQL posture scan (`table` or `schema.table`). */
  tenantTables?: string[];
}

export interface CodeFinding {
  check: CodeCheck;
  table: string;
  verb: Verb;
  file: string;
  line: number;
  sql: string;
  /** Stable across line moves: the statement's parse-tree fingerprint with the table and check. */
  hash: string;
}

export interface NotAnalysed {
  file: string;
  line: number;
  via: string;
  reason: string;
  sql: string | null;
}

export interface TableReport {
  table: string;
  tenantScoped: boolean;
  /** Where the audit learned the table is tenant-scoped. */
  tenantSource: "posture scan" | "schema" | "code" | null;
  select: number;
  insert: number;
  update: number;
  delete: number;
  merge: number;
  withoutTenantPredicate: number;
  files: string[];
}

export interface CodeAuditReport {
  tenantColumns: string[];
  totals: {
    files: number;
    filesWithSql: number;
    statements: number;
    select: number;
    insert: number;
    update: number;
    delete: number;
    merge: number;
    other: number;
    notAnalysed: number;
    findings: number;
    /** Statements that touch at least one tenant-scoped table, by verb (the seed's "370"). */
    tenant: { statements: number; select: number; insert: number; update: number; delete: number };
  };
  tables: TableReport[];
  findings: CodeFinding[];
  notAnalysed: NotAnalysed[];
  /** Files skipped before reading (too large, too many, unreadable), with the reason. */
  skipped: { file: string; reason: string }[];
}

const EXTENSIONS: Record<string, SourceLanguage | "sql"> = {
  rs: "rust",
  ts: "ts",
  tsx: "ts",
  mts: "ts",
  cts: "ts",
  js: "ts",
  jsx: "ts",
  mjs: "ts",
  cjs: "ts",
  py: "python",
  go: "go",
  sql: "sql",
};

export function languageOf(file: string): SourceLanguage | "sql" | undefined {
  const dot = file.lastIndexOf(".");
  if (dot < 0 || file.endsWith(".d.ts")) return undefined;
  return EXTENSIONS[file.slice(dot + 1).toLowerCase()];
}

/** The WASM parser loads once per process; every audit awaits it first. */
let loaded: Promise<void> | undefined;
export const loadParser = () => (loaded ??= loadModule());

interface ParsedStatement {
  site: SqlSite;
  line: number;
  sql: string;
  stmt: unknown;
}

const VERB_KEYS: Record<Verb, keyof TableReport | null> = {
  SELECT: "select",
  INSERT: "insert",
  UPDATE: "update",
  DELETE: "delete",
  MERGE: "merge",
  OTHER: null,
};

const oneLine = (s: string, max = 300) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function parseSite(
  site: SqlSite,
  out: ParsedStatement[],
  notAnalysed: NotAnalysed[],
  whole = true,
) {
  if (site.sql === null) {
    notAnalysed.push({ ...site, reason: site.reason ?? "dynamic SQL", sql: null });
    return;
  }
  const sql = toPostgresPlaceholders(site.sql, site.language);
  let tree: { stmts?: { stmt?: unknown; stmt_location?: number; stmt_len?: number }[] };
  try {
    tree = parseSync(sql);
  } catch (err) {
    const pieces = whole && site.language === "sql" ? splitStatements(sql) : [];
    if (pieces.length > 1) {
      for (const p of pieces) {
        const line = site.line + (sql.slice(0, p.offset).match(/\n/g)?.length ?? 0);
        parseSite({ ...site, line, sql: p.text }, out, notAnalysed, false);
      }
      return;
    }
    const at = (err as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
    const line = site.line + (at ? (sql.slice(0, at).match(/\n/g)?.length ?? 0) : 0);
    notAnalysed.push({
      file: site.file,
      line,
      via: site.via,
      reason: `PostgreSQL's parser rejects it: ${(err as Error).message}`,
      sql: oneLine(site.sql),
    });
    return;
  }
  for (const s of tree.stmts ?? []) {
    const start = s.stmt_location ?? 0;
    const text = s.stmt_len ? sql.slice(start, start + s.stmt_len) : sql.slice(start);
    // stmt_location points at the end of the previous statement: count from the first token.
    const lead = text.length - text.trimStart().length;
    const line = site.line + (sql.slice(0, start + lead).match(/\n/g)?.length ?? 0);
    out.push({ site, line, sql: text.trim(), stmt: s.stmt });
  }
}

function sitesOf(file: SourceFile): SqlSite[] {
  const lang = languageOf(file.path);
  if (!lang) return [];
  if (lang === "sql")
    return file.content.trim()
      ? [{ file: file.path, line: 1, via: ".sql file", sql: file.content, language: "sql" }]
      : [];
  return extractSqlSites(file.path, file.content, lang);
}

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
