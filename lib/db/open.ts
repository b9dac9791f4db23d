// Opens the database Trustboard runs on: embedded PGlite by default, PostgreSQL when
// DATABASE_URL is a postgresql:// URL. Same schema, same migrations, same generated client.
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client, Pool } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, readMigrations, type MigrationReport } from "./migrator";
import { lockDataDir } from "./lock";
import { pgPool, pgRunner, pglitePool, pgliteRunner, type SqlPool } from "./runners";

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgresql";
  /** The same database outside Prisma, for bulk collector writes. */
  sql: SqlPool;
  migrations: MigrationReport | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  dataDir: string;
  /** Apply pending migrations (always done for PGlite; for PostgreSQL, tests and db:deploy). */
  migrate?: boolean;
  migrationsDir?: string;
}

export const defaultMigrationsDir = () =>
  path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations");

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir();
  if (opts.url) return openPostgres(opts.url, opts.migrate ?? false, migrationsDir);
  return openPglite(opts.dataDir, migrationsDir);
}

async function openPglite(dataDir: string, migrationsDir: string): Promise<Database> {
  const release = lockDataDir(dataDir);
  try {
    // Loaded only for the embedded database: a process on PostgreSQL (a pull, the CLI) does not
    // carry PGlite's WebAssembly module.
    // PostgreSQL compiled to WebAssembly stays on V8's baseline compiler (Liftoff): optimising
    // its hot functions with TurboFan held about 60 MB more in every process on PGlite (and up to
    // 400 MB more after a few ingests), which an embedded install on a small host feels more than
    // the ~30% more CPU per warm ingest it costs (docs/performance-log.md; PostgreSQL is the choice
    // for speed). Set before the module is compiled; Prisma's query compiler, compiled later,
    // runs so too (as in the CLI).
    setFlagsFromString("--liftoff-only");
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("pglite-prisma-adapter"),
    ]);
    const pg = await PGlite.create({
      dataDir: path.join(dataDir, "pglite"),
      // PostgreSQL's shared buffers live inside the WebAssembly memory, so they are resident
      // memory of the Node.js process itself, and they all end up touched: an idle server on the
      // demo holds 31 MB of WebAssembly memory with 16 MB of buffers, 49 MB with 32 MB (the
      // default 128 MB cost about 100 MB more). The operating system's file cache still holds
      // the data files. Measured cost (docs/performance-log.md, issue 10): ingest and demo pages the
      // same within the noise; status over 80,000 stored cases about 20 ms more CPU (65 / 45 ms).
      // (PGlite's initialMemory changes nothing: only touched pages are resident, and the module
      // refuses less than its 128 MB minimum.)
      startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
    });
    const migrations = await applyMigrations(pgliteRunner(pg), readMigrations(migrationsDir));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
    return {
      prisma,
      kind: "pglite",
      sql: pglitePool(pg),
      migrations,
      async close() {
        await prisma.$disconnect();
        await pg.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function openPostgres(
  url: string,
  migrate: boolean,
  migrationsDir: string,
): Promise<Database> {
  const client = new Client({ connectionString: url });
  // A connection lost during the migrations fails the statement under way (and every later one);
  // unheard, the client's 'error' event would also end the process before that error is reported.
  client.on("error", () => undefined);
  await client.connect().catch((err: Error) => {
    throw new Error(`Cannot connect to the PostgreSQL database in DATABASE_URL: ${err.message}`);
  });
  let migrations: MigrationReport | null = null;
  try {
    const files = readMigrations(migrationsDir);
    if (migrate) migrations = await applyMigrations(pgRunner(client), files);
    else
      await assertMigrated(
        client,
        files.map((f) => f.name),
      );
  } finally {
    // Ending a connection that was lost has nothing left to close; its error is the one thrown.
    await client.end().catch(() => undefined);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  // One connection stays open however long the server is idle (the others close after 10 s
  // unused): a new connection's first COPY of cases cost PostgreSQL about 150 ms more than the
  // next (catalog caches, the triggers' plans), which the first upload after a quiet spell paid.
  // The pool hands out the connection released last first, so the one kept is the one used last
  // (at start, by the ingest warm-up). Idle, it does not keep a process from exiting.
  const sql = pgPool(new Pool({ connectionString: url, max: 4, min: 1, allowExitOnIdle: true }));
  return {
    prisma,
    kind: "postgresql",
    sql,
    migrations,
    async close() {
      await prisma.$disconnect();
      await sql.close();
    },
  };
}

async function assertMigrated(client: Client, names: string[]): Promise<void> {
  const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  const applied = table.rows[0].t
    ? new Set(
        (
          await client.query(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
        ).rows.map((r: { migration_name: string }) => r.migration_name),
      )
    : new Set<string>();
  const pending = names.filter((n) => !applied.has(n));
  if (pending.length > 0) {
    throw new Error(
      `The PostgreSQL database has ${pending.length} unapplied migration(s) (${pending.join(", ")}). Run \`npm run db:deploy\` first.`,
    );
  }
}
