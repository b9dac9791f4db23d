// Finds the places where source code hands SQL to the database: Rust sqlx macros and functions,
// TypeScript/JavaScript `sql` tagged templates and query calls, Python `execute`, Go
// `Query`/`QueryRow`/`Exec`. A place whose SQL is a literal yields its text; one whose SQL is
// built at run time yields the reason it cannot be read, so the report lists it as not analysed.
import { lexSource, lineIndex, type SourceLanguage, type Token } from "./source-lexer";

export interface SqlSite {
  file: string;
  line: number;
  /** How the SQL was found, e.g. `sqlx::query_as!` or `.execute(`. */
  via: string;
  /** The SQL text, placeholders as written; null when it is built at run time. */
  sql: string | null;
  /** Why `sql` is null. */
  reason?: string;
  language: SourceLanguage | "sql";
}

const RUST_MACROS = new Set([
  "query",
  "query_as",
  "query_scalar",
  "query_unchecked",
  "query_as_unchecked",
  "query_scalar_unchecked",
]);
const RUST_FUNCTIONS = new Set([
  "query",
  "query_as",
  "query_scalar",
  "query_with",
  "query_as_with",
]);
const TS_METHODS = new Set([
  "query",
  "execute",
  "$queryRaw",
  "$executeRaw",
  "$queryRawUnsafe",
  "$executeRawUnsafe",
]);
const TS_RAW_RECEIVERS = new Set(["sql", "knex", "Prisma", "db"]);
const TS_TAGS = new Set(["sql", "$queryRaw", "$executeRaw"]);
const PY_METHODS = new Set(["execute", "executemany", "executescript"]);
const GO_METHODS = new Set([
  "Query",
  "QueryRow",
  "Exec",
  "Prepare",
  "QueryContext",
  "QueryRowContext",
  "ExecContext",
  "PrepareContext",
]);

const SQL_START =
  /^\s*\(?\s*(select|insert|update|delete|with|create|alter|drop|truncate|merge|grant|revoke|begin|commit|rollback|set|copy|values|explain|lock|do|call|refresh|comment|vacuum|analyze|table)\b/i;

/** Whether a literal handed to an ambiguous call (`.query(`, `.execute(`) is SQL at all. */
export const looksLikeSql = (s: string) => SQL_START.test(s);

const isPunct = (t: Token | undefined, v: string) => t?.t === "punct" && t.v === v;
const isIdent = (t: Token | undefined, v?: string) =>
  t?.t === "ident" && (v === undefined || t.v === v);

/** The index just past the bracket that closes the one at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k += 1) {
    const t = tokens[k]!;
    if (t.t !== "punct") continue;
    if (t.v === "(" || t.v === "[" || t.v === "{") depth += 1;
    else if (t.v === ")" || t.v === "]" || t.v === "}") {
      depth -= 1;
      if (depth === 0) return k + 1;
    }
  }
  return tokens.length;
}

/** The arguments of the call whose "(" is at `open`, each as its range of tokens. */
function callArguments(tokens: Token[], open: number): Token[][] {
  const end = closing(tokens, open) - 1;
  const args: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (let k = open + 1; k < end; k += 1) {
    const t = tokens[k]!;
    if (t.t === "punct" && (t.v === "(" || t.v === "[" || t.v === "{")) depth += 1;
    if (t.t === "punct" && (t.v === ")" || t.v === "]" || t.v === "}")) depth -= 1;
    if (depth === 0 && isPunct(t, ",")) {
      args.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length) args.push(current);
  return args;
}

/** Skips a Rust turbofish (`::<_, Row>`) or TypeScript type arguments (`<Row>`) at `k`. */
function skipTypeArguments(tokens: Token[], k: number): number {
  let j = k;
  if (isPunct(tokens[j], ":") && isPunct(tokens[j + 1], ":")) j += 2;
  if (!isPunct(tokens[j], "<")) return k;
  let depth = 0;
  let parens = 0;
  for (; j < tokens.length; j += 1) {
    const t = tokens[j];
    if (isPunct(t, "(")) parens += 1;
    else if (isPunct(t, ")")) parens -= 1;
    else if (isPunct(t, "<")) depth += 1;
    else if (isPunct(t, ">")) {
      depth -= 1;
      if (depth === 0) return j + 1;
    } else if (isPunct(t, ";") || parens < 0) return k;
  }
  return k;
}

type ArgumentValue = { sql: string; pos?: number } | { reason: string };

/**
 * The SQL an argument holds: a literal, literals joined by `+` (or side by side in Python), or
 * the reason it is dynamic.
 */
function argumentSql(arg: Token[], lang: SourceLanguage): ArgumentValue {
  const toks = lang === "rust" && isPunct(arg[0], "&") ? arg.slice(1) : arg;
  if (toks.length === 0) return { reason: "no SQL argument" };
  // How the SQL is built, when it is built: named before anything else.
  for (let k = 0; k < toks.length; k += 1) {
    const t = toks[k]!;
    if (t.t === "str" && t.interpolated)
      return { reason: "built by string interpolation (f-string or template with ${…})" };
    if (isIdent(t, "format") && (isPunct(toks[k + 1], "!") || isPunct(toks[k - 1], ".")))
      return { reason: "built with format!/str.format" };
    if (isIdent(t, "Sprintf")) return { reason: "built with fmt.Sprintf" };
    if (isPunct(t, "%") && lang === "python" && toks[k - 1]?.t === "str")
      return { reason: "built with % formatting of the SQL string" };
  }
  const pieces: string[] = [];
  for (let k = 0; k < toks.length; k += 1) {
    const t = toks[k]!;
    if (t.t === "str") pieces.push(t.parts.join(""));
    else if (isPunct(t, "+") && k > 0 && k < toks.length - 1) continue;
    else if (t.t === "ident" && toks.length === 1)
      return { reason: `passed in the variable "${t.v}": the SQL is not a literal here` };
    else return { reason: "the SQL is an expression, not a string literal" };
  }
  // The line of the literal itself, not of the call: statements are counted from it.
  return { sql: pieces.join(""), pos: toks.find((t) => t.t === "str")?.pos };
}

/** Finds every SQL site in one source file. */
export function extractSqlSites(file: string, text: string, lang: SourceLanguage): SqlSite[] {
  const tokens = lexSource(text, lang);
  const lineOf = lineIndex(text);
  const sites: SqlSite[] = [];
  const add = (pos: number, via: string, value: ArgumentValue, requireSql: boolean) => {
    if ("sql" in value) {
      if (requireSql && !looksLikeSql(value.sql)) return;
      sites.push({ file, line: lineOf(value.pos ?? pos), via, sql: value.sql, language: lang });
    } else
      sites.push({ file, line: lineOf(pos), via, sql: null, reason: value.reason, language: lang });
  };
  const usesSqlx = lang === "rust" && text.includes("sqlx");

  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k]!;
    if (t.t !== "ident") continue;
    const prev = tokens[k - 1];
    if (lang === "rust") {
      if (RUST_MACROS.has(t.v) && isPunct(tokens[k + 1], "!") && isPunct(tokens[k + 2], "(")) {
        const args = callArguments(tokens, k + 2);
        const arg = args[t.v.startsWith("query_as") ? 1 : 0] ?? [];
        add(t.pos, `sqlx::${t.v}!`, argumentSql(arg, lang), false);
        continue;
      }
      if (RUST_FUNCTIONS.has(t.v) && usesSqlx && !isPunct(prev, ".") && !isIdent(prev, "fn")) {
        const open = skipTypeArguments(tokens, k + 1);
        if (!isPunct(tokens[open], "(")) continue;
        const arg = callArguments(tokens, open)[0] ?? [];
        add(t.pos, `sqlx::${t.v}`, argumentSql(arg, lang), false);
      }
      continue;
    }
    if (lang === "ts") {
      const next = tokens[k + 1];
      if (TS_TAGS.has(t.v) && next?.t === "str" && next.template) {
        // A tagged template: the library sends each ${} as a bind parameter.
        const sql = next.parts.map((p, idx) => (idx === 0 ? p : `$${idx}${p}`)).join("");
        add(t.pos, `${t.v}\`…\``, { sql }, false);
        k += 1;
        continue;
      }
      const isRaw =
        (t.v === "raw" || t.v === "unsafe") &&
        isPunct(prev, ".") &&
        TS_RAW_RECEIVERS.has((tokens[k - 2] as { v?: string } | undefined)?.v ?? "");
      if ((TS_METHODS.has(t.v) && isPunct(prev, ".")) || isRaw) {
        const open = skipTypeArguments(tokens, k + 1);
        if (!isPunct(tokens[open], "(")) continue;
        const args = callArguments(tokens, open);
        const first = args[0];
        if (!first) continue;
        // `.query(sql\`…\`)`: the tagged template is found on its own.
        if (isIdent(first[0]) && TS_TAGS.has((first[0] as { v: string }).v)) continue;
        // `{ text: "…", values }` (node-postgres' query config object).
        if (isPunct(first[0], "{")) {
          const at = first.findIndex(
            (x, idx) => isIdent(x, "text") && isPunct(first[idx + 1], ":"),
          );
          const rest = at >= 0 ? first.slice(at + 2) : [];
          const comma = rest.findIndex((x) => isPunct(x, ","));
          const value = comma >= 0 ? rest.slice(0, comma) : rest.slice(0, -1);
          add(
            t.pos,
            `.${t.v}({ text })`,
            value.length
              ? argumentSql(value, lang)
              : { reason: "query config object without a literal text" },
            true,
          );
          continue;
        }
        add(t.pos, `.${t.v}(`, argumentSql(first, lang), true);
      }
      continue;
    }
    if (lang === "python") {
      if (!PY_METHODS.has(t.v) || !isPunct(prev, ".") || !isPunct(tokens[k + 1], "(")) continue;
      let first = callArguments(tokens, k + 1)[0];
      if (!first) continue;
      // SQLAlchemy's text("…") wraps the literal.
      if (isIdent(first[0], "text") && isPunct(first[1], "(")) {
        const inner = callArguments(first, 1)[0];
        if (inner) first = inner;
      }
      // A database cursor's execute() takes nothing but SQL: a typo is reported, not skipped.
      add(t.pos, `.${t.v}(`, argumentSql(first, lang), false);
      continue;
    }
    // Go
    if (!GO_METHODS.has(t.v) || !isPunct(prev, ".") || !isPunct(tokens[k + 1], "(")) continue;
    const args = callArguments(tokens, k + 1);
    // QueryContext(ctx, sql…) and pgx's Query(ctx, sql…) put the SQL second.
    const ctxFirst =
      t.v.endsWith("Context") ||
      (args.length > 1 &&
        args[0]!.length === 1 &&
        isIdent(args[0]![0]) &&
        args[1]![0]?.t === "str");
    const arg = args[ctxFirst ? 1 : 0];
    if (!arg) continue;
    add(t.pos, `.${t.v}(`, argumentSql(arg, lang), false);
  }
  return sites;
}
