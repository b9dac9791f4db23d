// A database and an application role of a test's own on a real PostgreSQL server (the PostgreSQL
// lane's TEST_DATABASE_URL), for the posture scan to connect to: the integration test and the
// browser spec both build one, scan it as the application role, and drop both afterwards. Names
// get a random suffix so parallel runs and leftovers from an aborted run never collide.
import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** Runs one SQL text (several statements allowed) on its own connection. */
export async function runSql(url: string, text: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export interface ScratchPostgres {
  dbName: string;
  appRole: string;
  /** The scratch database, connected as the server's admin (TEST_DATABASE_URL's user). */
  adminUrl(): string;
  /** The scratch database, connected as the application role. */
  appUrl(): string;
  /** Creates the database and the role (LOGIN, no superuser, no BYPASSRLS), then runs `schema` in the database as the admin. */
  create(schema: string): Promise<void>;
  drop(): Promise<void>;
}

/**
 * `serverUrl` is TEST_DATABASE_URL; the names are `${database}_<suffix>` and `${role}_<suffix>`.
 * Nothing connects until create(): a test that is skipped without a server may still call this.
 */
export function scratchPostgres(
  serverUrl: string,
  names: { database: string; role: string; password: string },
): ScratchPostgres {
  const suffix = randomBytes(4).toString("hex");
  const dbName = `${names.database}_${suffix}`;
  const appRole = `${names.role}_${suffix}`;
  const urlFor = (user?: string, password?: string) => {
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    if (user) u.username = user;
    if (password) u.password = password;
    return u.toString();
  };
  return {
    dbName,
    appRole,
    adminUrl: () => urlFor(),
    appUrl: () => urlFor(appRole, names.password),
    async create(schema) {
      await runSql(serverUrl, `CREATE DATABASE ${dbName}`);
      await runSql(
        serverUrl,
        `CREATE ROLE ${appRole} LOGIN PASSWORD '${names.password}' NOSUPERUSER NOBYPASSRLS`,
      );
      await runSql(urlFor(), schema);
    },
    async drop() {
      await runSql(serverUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await runSql(serverUrl, `DROP ROLE IF EXISTS ${appRole}`);
    },
  };
}
