// `npm run db:deploy` (= `prisma migrate deploy`) and `prisma migrate status` on the
// PostgreSQL in DATABASE_URL, through the same migrator the server uses for PGlite.
import path from "node:path";
import { Client } from "pg";
import { applyMigrations, readMigrations } from "../db/migrator";
import { pgRunner } from "../db/runners";

async function main(): Promise<void> {
  const command = process.argv[2];
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(
      "DATABASE_URL must be a postgresql:// URL. The embedded database needs no deploy step: Trustboard migrates it at start.",
    );
    process.exit(2);
  }
  const files = readMigrations(path.resolve(__dirname, "../../prisma/migrations"));
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    console.error(`Cannot connect to DATABASE_URL: ${(err as Error).message}`);
    process.exit(1);
  }
  try {
    if (command === "deploy") {
      const report = await applyMigrations(pgRunner(client), files);
      for (const name of report.applied) console.log(`Applied ${name}`);
      for (const name of report.edited)
        console.warn(`Warning: ${name} was changed after it was applied.`);
      console.log(
        report.applied.length
          ? `${report.applied.length} migration(s) applied.`
          : "No pending migrations.",
      );
    } else {
      const exists = (await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`)).rows[0]
        .t;
      const done = exists
        ? new Set(
            (
              await client.query(
                `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
              )
            ).rows.map((r) => r.migration_name),
          )
        : new Set();
      const pending = files.filter((f) => !done.has(f.name));
      console.log(`${files.length} migration(s) found, ${pending.length} pending.`);
      for (const f of pending) console.log(`  pending: ${f.name}`);
      process.exitCode = pending.length ? 1 : 0;
    }
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
}

void main();
