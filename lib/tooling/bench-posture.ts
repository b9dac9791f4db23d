// `npm run bench`, posture part (issue 14): a schema of 500 tables — a tenant root and 499
// tenant tables with foreign keys, indexes, RLS policies (every fifth one through a join),
// updated_at triggers, some left failing — scanned end to end (catalog reads and every check).
// Target: under 5 seconds. PostgreSQL in the bench database's own schema, PGlite in memory.
import { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { scanPostgresUrl, scanWith } from "../scanners/postgres/scan-postgres";
import type { Query } from "../scanners/postgres/snapshot";

export const POSTURE_TABLES = 500;
const SCHEMA = "bench_posture";

function ddl(tables: number): string {
  const out = [
    `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE;`,
    `CREATE SCHEMA ${SCHEMA};`,
    `CREATE FUNCTION ${SCHEMA}.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;`,
    `CREATE TABLE ${SCHEMA}.orgs (id uuid PRIMARY KEY);`,
  ];
  for (let i = 1; i < tables; i++) {
    const t = `${SCHEMA}.t${i}`;
    const parent = i > 1 ? `, parent_id uuid REFERENCES ${SCHEMA}.t${i - 1}(id)` : "";
    out.push(
      `CREATE TABLE ${t} (id uuid PRIMARY KEY, tenant_id uuid ${i % 7 ? "NOT NULL" : ""} REFERENCES ${SCHEMA}.orgs(id)${parent}, body text, updated_at timestamptz NOT NULL DEFAULT now());`,
    );
    if (i % 11) out.push(`CREATE INDEX ON ${t} (tenant_id);`);
    if (i % 3)
      out.push(
        `CREATE TRIGGER touch BEFORE UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.touch();`,
      );
    if (i % 13)
      out.push(
        `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY${i % 4 ? ", FORCE ROW LEVEL SECURITY" : ""};`,
      );
    const using =
      i % 5 === 0 && i > 1
        ? `EXISTS (SELECT 1 FROM ${SCHEMA}.t${i - 1} p WHERE p.id = parent_id AND p.tenant_id = current_setting('app.tenant_id', true)::uuid)`
        : `tenant_id = current_setting('app.tenant_id', true)::uuid`;
    out.push(`CREATE POLICY tenant ON ${t} USING (${using});`);
  }
  return out.join("\n");
}

const ms = (t: number) => Math.round(performance.now() - t);

export async function postureBench(pgUrl: string | undefined): Promise<{
  postgres: number | null;
  pglite: number | null;
  lines: string[];
}> {
  const lines: string[] = [];
  const script = ddl(POSTURE_TABLES);
  let postgres: number | null = null;
  if (pgUrl) {
    const c = new Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(script);
      const t = performance.now();
      const r = await scanPostgresUrl(pgUrl);
      postgres = ms(t);
      lines.push(
        `PostgreSQL  posture scan: ${r.summary.tables} tables (${r.summary.tenantTables} tenant-scoped), ${r.findings.length} findings in ${postgres} ms`,
      );
    } finally {
      await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await c.end();
    }
  }
  const lite = new PGlite();
  try {
    await lite.exec(script);
    const q: Query = async <T>(sql: string, params: unknown[] = []) =>
      (await lite.query<T>(sql, params)).rows;
    const t = performance.now();
    const r = await scanWith(q, "pglite");
    const pglite = ms(t);
    lines.push(
      `PGlite      posture scan: ${r.summary.tables} tables (${r.summary.tenantTables} tenant-scoped), ${r.findings.length} findings in ${pglite} ms`,
    );
    return { postgres, pglite, lines };
  } finally {
    await lite.close();
  }
}
