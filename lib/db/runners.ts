// The two ways Trustboard talks SQL outside Prisma (migrations, checks): PGlite and node-postgres.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { ClientBase, Pool } from "pg";
import type { SqlRunner } from "./migrator";

export function pgliteRunner(pg: PGlite | Transaction): SqlRunner {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(script: string) {
      await pg.exec(script);
    },
  };
}

export function pgRunner(client: ClientBase): SqlRunner {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(script: string) {
      // No parameters: node-postgres sends a simple query, which may hold many statements.
      await client.query(script);
    },
  };
}

/** Bulk writes that bypass Prisma (one statement with array parameters per batch). */
export interface SqlPool {
  transaction<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pglitePool(pg: PGlite): SqlPool {
  return {
    transaction: (fn) => pg.transaction((tx) => fn(pgliteRunner(tx))),
    close: async () => undefined,
  };
}

export function pgPool(pool: Pool): SqlPool {
  return {
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgRunner(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
