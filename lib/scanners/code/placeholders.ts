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
