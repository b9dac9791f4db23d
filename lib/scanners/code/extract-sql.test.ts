import { describe, expect, it } from "vitest";
import { extractSqlSites } from "./extract-sql";
import { toPostgresPlaceholders } from "./placeholders";

const sites = (text: string, lang: "rust" | "ts" | "python" | "go") =>
  extractSqlSites("f", text, lang).map((s) => [s.line, s.via, s.sql ?? `!${s.reason}`]);

describe("extractSqlSites", () => {
  it("Rust: macros with the SQL second for query_as!, raw strings, turbofish, line continuations", () => {
    const src = [
      "use sqlx;",
      'let a = sqlx::query_as!(Row, "SELECT 1 FROM t");',
      'let b = query_scalar::<_, (i64, String)>(r#"SELECT "x" FROM t"#);',
      'let c = sqlx::query("SELECT a \\',
      '    FROM t");',
      "let d = 'a'; fn e<'b>(x: &'b str) {}",
      'let f = sqlx::query(&format!("SELECT {}", x));',
    ].join("\n");
    expect(sites(src, "rust")).toEqual([
      [2, "sqlx::query_as!", "SELECT 1 FROM t"],
      [3, "sqlx::query_scalar", 'SELECT "x" FROM t'],
      [4, "sqlx::query", "SELECT a FROM t"],
      [7, "sqlx::query", "!built with format!/str.format"],
    ]);
  });

  it("TypeScript: tagged templates become parameters, untagged interpolation is dynamic, non-SQL is ignored", () => {
    const src = [
      "const a = sql`SELECT * FROM t WHERE id = ${id} AND org_id = ${org}`;",
      "await db.$queryRaw`DELETE FROM t WHERE id = ${id}`;",
      "await pool.query<Row>('SELECT 1');",
      "await pool.query(`SELECT * FROM ${t}`);",
      "await pool.query(text);",
      "el.query('#id'); // sql`SELECT in a comment`",
      "const s = 'pool.query(\"SELECT 2\")';",
      "await pool.query('SELECT ' + 'a FROM t');",
    ].join("\n");
    expect(sites(src, "ts")).toEqual([
      [1, "sql`…`", "SELECT * FROM t WHERE id = $1 AND org_id = $2"],
      [2, "$queryRaw`…`", "DELETE FROM t WHERE id = $1"],
      [3, ".query(", "SELECT 1"],
      [4, ".query(", "!built by string interpolation (f-string or template with ${…})"],
      [5, ".query(", '!passed in the variable "text": the SQL is not a literal here'],
      [8, ".query(", "SELECT a FROM t"],
    ]);
  });

  it("Python: triple quotes, text(), % formatting, f-strings, adjacent literals", () => {
    const src = [
      'cur.execute("""',
      '  SELECT 1""")',
      'cur.execute(text("SELECT :a"))',
      'cur.execute("SELECT %s" % x)',
      'cur.execute(f"SELECT {x}")',
      'cur.execute("SELECT a " "FROM t")  # cur.execute("no")',
    ].join("\n");
    expect(sites(src, "python")).toEqual([
      [1, ".execute(", "\n  SELECT 1"],
      [3, ".execute(", "SELECT :a"],
      [4, ".execute(", "!built with % formatting of the SQL string"],
      [5, ".execute(", "!built by string interpolation (f-string or template with ${…})"],
      [6, ".execute(", "SELECT a FROM t"],
    ]);
  });

  it("Go: the SQL after a context, raw strings, fmt.Sprintf", () => {
    const src = [
      'db.QueryRowContext(ctx, "SELECT 1")',
      "conn.Query(ctx, `SELECT 2`)",
      'db.Exec("DELETE FROM t")',
      'db.Query(fmt.Sprintf("SELECT %d", n))',
    ].join("\n");
    expect(sites(src, "go")).toEqual([
      [1, ".QueryRowContext(", "SELECT 1"],
      [2, ".Query(", "SELECT 2"],
      [3, ".Exec(", "DELETE FROM t"],
      [4, ".Query(", "!built with fmt.Sprintf"],
    ]);
  });
});

describe("toPostgresPlaceholders", () => {
  it.each([
    [
      "python",
      "SELECT * FROM t WHERE a = %s AND b = %(b)s AND c LIKE 'x%%'",
      "SELECT * FROM t WHERE a = $1 AND b = $2 AND c LIKE 'x%%'",
    ],
    ["python", "SELECT a::text FROM t WHERE id = :id", "SELECT a::text FROM t WHERE id = $1"],
    [
      "go",
      "SELECT * FROM t WHERE a = ? AND b IN (?, ?) AND data ? 'k'",
      "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3) AND data ? 'k'",
    ],
    ["ts", "SELECT $1, '?' , ? FROM t", "SELECT $1, '?' , $2 FROM t"],
  ] as const)("%s: %s", (lang, sql, expected) => {
    expect(toPostgresPlaceholders(sql, lang)).toBe(expected);
  });
});
