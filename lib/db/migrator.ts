// Applies prisma/migrations/* and books them in Prisma's own `_prisma_migrations` table,
// with the same checksum (SHA-256 of migration.sql), so `prisma migrate status/deploy`
// agree with what Trustboard applied. Used for PGlite at start-up and `npm run db:deploy`.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script as one simple-protocol request. */
  exec(script: string): Promise<void>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
  edited: string[];
}

// Prisma's own lock key, so Trustboard and `prisma migrate deploy` never run concurrently.
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksum(sql) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function applyMigrations(
  db: SqlRunner,
  migrations: MigrationFile[],
): Promise<MigrationReport> {
  await db.query(`SELECT pg_advisory_lock($1)`, [PRISMA_ADVISORY_LOCK]);
  try {
    await db.exec(CREATE_TABLE);
    const rows = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((r) => r.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was never resolved; fix the database, then run \`prisma migrate resolve\`.`,
      );
    }
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const report: MigrationReport = { applied: [], alreadyApplied: [], edited: [] };
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known !== undefined) {
        report.alreadyApplied.push(m.name);
        if (known !== m.checksum) report.edited.push(m.name);
        continue;
      }
      await applyOne(db, m);
      report.applied.push(m.name);
    }
    return report;
  } finally {
    await db.query(`SELECT pg_advisory_unlock($1)`, [PRISMA_ADVISORY_LOCK]);
  }
}

// One transaction per migration: a failure leaves neither half a schema nor a booking row.
async function applyOne(db: SqlRunner, m: MigrationFile): Promise<void> {
  await db.exec("BEGIN");
  try {
    await db.exec(m.sql);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), m.checksum, m.name],
    );
    await db.exec("COMMIT");
  } catch (err) {
    await db.exec("ROLLBACK");
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Migration ${m.name} failed and was rolled back: ${reason}`);
  }
}
