// The code query audit's figure for `npm run bench`: a generated repository of 10,000 source
// files (Rust, TypeScript, Python, Go and .sql, three statements each, one in ten dynamic) read
// from disk, parsed and analysed, and its report rendered (target: under 30 s). The database is
// not involved: recording the findings is measured with the scanners' own figures.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { auditSources, loadParser } from "../scanners/code/audit";
import { readSourceDirectory } from "../scanners/code/read-sources";
import { codeAuditMarkdown } from "../scanners/code/report-markdown";

export const CODE_AUDIT_FILES = 10_000;

function sourceFile(i: number): [string, string] {
  const table = `t${i % 200}`;
  const q1 = `SELECT id, name FROM ${table} WHERE id = $1 AND org_id = $2`;
  const q2 = `UPDATE ${table} SET name = $1 WHERE id = $2`;
  const q3 = `INSERT INTO ${table} (id, org_id, name) VALUES ($1, $2, $3)`;
  const dynamic = i % 10 === 0;
  switch (i % 5) {
    case 0:
      return [
        `crates/c${i % 50}/src/m${i}.rs`,
        `use sqlx::PgPool;\npub async fn f(pool: &PgPool) {\n  sqlx::query!("${q1}", a, b).fetch_one(pool).await;\n  sqlx::query(r#"${q2}"#).execute(pool).await;\n  sqlx::query_as!(Row, "${q3}", a, b, c);\n${dynamic ? `  sqlx::query(&format!("SELECT {} FROM ${table}", c));\n` : ""}}\n`,
      ];
    case 1:
      return [
        `web/src/d${i % 50}/m${i}.ts`,
        `export async function f(pool: Pool, id: string, org: string) {\n  await sql\`${q1.replace("$1", "${id}").replace("$2", "${org}")}\`;\n  await pool.query("${q2}", [a, b]);\n  await pool.query(\`${q3}\`, [a, b, c]);\n${dynamic ? "  await pool.query(`SELECT ${col} FROM x`);\n" : ""}}\n`,
      ];
    case 2:
      return [
        `worker/p${i % 50}/m${i}.py`,
        `def f(cur, a, b, c):\n    cur.execute("${q1.replace("$1", "%s").replace("$2", "%s")}", (a, b))\n    cur.execute("""${q2.replace("$1", "%s").replace("$2", "%s")}""", (a, b))\n    cur.execute("${q3.replace(/\$\d/g, "%s")}", (a, b, c))\n${dynamic ? '    cur.execute(f"SELECT {c} FROM x")\n' : ""}`,
      ];
    case 3:
      return [
        `svc/g${i % 50}/m${i}.go`,
        `package svc\n\nfunc f(ctx context.Context, db *sql.DB) {\n\tdb.QueryRowContext(ctx, "${q1}", a, b)\n\tdb.Exec(\`${q2}\`, a, b)\n\tdb.ExecContext(ctx, "${q3}", a, b, c)\n${dynamic ? '\tdb.Query(fmt.Sprintf("SELECT %s FROM x", c))\n' : ""}}\n`,
      ];
    default:
      return [
        `migrations/m${i}.sql`,
        `${q1.replace("$1", "1").replace("$2", "2")};\n${q2.replace("$1", "'a'").replace("$2", "3")};\n${q3.replace("$1", "1").replace("$2", "2").replace("$3", "'c'")};\n`,
      ];
  }
}

export async function codeAuditBench(files = CODE_AUDIT_FILES) {
  const root = mkdtempSync(path.join(os.tmpdir(), "tb-bench-code-"));
  try {
    for (let i = 0; i < files; i++) {
      const [rel, content] = sourceFile(i);
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), content);
    }
    const t = performance.now();
    await loadParser();
    const sources = readSourceDirectory(root);
    const report = auditSources(sources.files, {}, sources.skipped);
    codeAuditMarkdown(report, { source: root, generatedAt: new Date() });
    const ms = Math.round(performance.now() - t);
    return {
      files: report.totals.files,
      statements: report.totals.statements,
      findings: report.totals.findings,
      notAnalysed: report.totals.notAnalysed,
      ms,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
