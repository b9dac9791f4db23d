// The two ways Trustboard talks SQL outside Prisma (migrations, checks): PGlite and node-postgres.
import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";
import type { SqlRunner } from "./migrator";

export function pgliteRunner(pg: PGlite): SqlRunner {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(script: string) {
      await pg.exec(script);
    },
  };
}

export function pgRunner(client: Client): SqlRunner {
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
