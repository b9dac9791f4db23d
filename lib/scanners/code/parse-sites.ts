// From source files to parsed statements: which files hold SQL (by extension), the SQL sites in
// them, and PostgreSQL's own parser over each site (a .sql file that does not parse whole is
// split into its statements); what cannot be parsed is listed as not analysed.
import { loadModule, parseSync } from "libpg-query";
import type { NotAnalysed, SourceFile } from "./audit-report";
import { extractSqlSites, type SqlSite } from "./extract-sql";
import { splitStatements, toPostgresPlaceholders } from "./placeholders";
import type { SourceLanguage } from "./source-lexer";

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

export interface ParsedStatement {
  site: SqlSite;
  line: number;
  sql: string;
  stmt: unknown;
}

export const oneLine = (s: string, max = 300) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function parseSite(
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

export function sitesOf(file: SourceFile): SqlSite[] {
  const lang = languageOf(file.path);
  if (!lang) return [];
  if (lang === "sql")
    return file.content.trim()
      ? [{ file: file.path, line: 1, via: ".sql file", sql: file.content, language: "sql" }]
      : [];
  return extractSqlSites(file.path, file.content, lang);
}
