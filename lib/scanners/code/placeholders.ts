// Drivers write bind parameters their own way (`?`, `%s`, `%(name)s`, `:name`); PostgreSQL's
// parser knows only `$1`. Each is turned into a numbered parameter before parsing, outside
// quoted literals, quoted identifiers, dollar-quoted bodies and comments.
import type { SourceLanguage } from "./source-lexer";

const BEFORE_PARAM_KEYWORDS = new Set([
  "and",
  "or",
  "in",
  "like",
  "ilike",
  "values",
  "then",
  "else",
  "when",
  "by",
  "is",
  "not",
  "set",
  "limit",
  "offset",
  "between",
  "select",
  "returning",
  "any",
  "all",
]);

export function toPostgresPlaceholders(sql: string, lang: SourceLanguage | "sql"): string {
  if (lang === "sql" || lang === "rust") return sql;
  let highest = 0;
  for (const m of sql.matchAll(/\$(\d+)/g)) highest = Math.max(highest, Number(m[1]));
  const next = () => `$${++highest}`;
  let out = "";
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    // Copied through untouched: '…', "…", $tag$…$tag$, -- and /* */ comments.
    if (c === "'" || c === '"') {
      const e = sql.indexOf(c, i + 1);
      const end = e < 0 ? n : e + 1;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    const dollar = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 64));
    if (c === "$" && dollar) {
      const e = sql.indexOf(dollar[0], i + dollar[0].length);
      const end = e < 0 ? n : e + dollar[0].length;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      const e = sql.indexOf("\n", i);
      const end = e < 0 ? n : e;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      const e = sql.indexOf("*/", i + 2);
      const end = e < 0 ? n : e + 2;
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === "?" && !/[|&?]/.test(sql[i + 1] ?? "")) {
      const before = out.trimEnd();
      const word = /([A-Za-z_]+)$/.exec(before)?.[1]?.toLowerCase();
      if (
        before === "" ||
        /[=<>(,+\-*/]$/.test(before) ||
        (word && BEFORE_PARAM_KEYWORDS.has(word))
      ) {
        out += next();
        i += 1;
        continue;
      }
    }
    if (lang === "python" && c === "%") {
      if (sql[i + 1] === "%") {
        out += "%";
        i += 2;
        continue;
      }
      const m = /^%(\([^)]*\))?[sdbf]/.exec(sql.slice(i, i + 80));
      if (m) {
        out += next();
        i += m[0].length;
        continue;
      }
    }
    if (c === ":" && sql[i + 1] === ":") {
      out += "::";
      i += 2;
      continue;
    }
    if (c === ":" && (lang === "python" || lang === "ts")) {
      const m = /^:([A-Za-z_]\w*)/.exec(sql.slice(i, i + 80));
      if (m && !/\w/.test(out.at(-1) ?? "")) {
        out += next();
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

/**
 * A script cut at its top-level semicolons (not inside literals, dollar-quoted bodies or
 * comments), each piece with its offset: a .sql file the parser refuses whole is analysed
 * statement by statement, so one odd statement does not hide the others.
 */
export function splitStatements(sql: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  const skipTo = (end: number) => (i = end < 0 ? n : end);
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"') skipTo(sql.indexOf(c, i + 1) + 1 || n);
    else if (c === "-" && sql[i + 1] === "-") skipTo(sql.indexOf("\n", i));
    else if (c === "/" && sql[i + 1] === "*") skipTo(sql.indexOf("*/", i + 2) + 2 || n);
    else if (c === "$" && /^\$([A-Za-z_]\w*)?\$/.test(sql.slice(i, i + 64))) {
      const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 64))![0];
      const end = sql.indexOf(tag, i + tag.length);
      skipTo(end < 0 ? n : end + tag.length);
    } else {
      if (c === ";") {
        out.push({ text: sql.slice(start, i + 1), offset: start });
        start = i + 1;
      }
      i += 1;
    }
  }
  if (sql.slice(start).trim()) out.push({ text: sql.slice(start), offset: start });
  return out.filter((p) => p.text.replace(/--[^\n]*|\s|;/g, "") !== "");
}
