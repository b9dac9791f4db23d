// The two ways Trustboard talks SQL outside Prisma (migrations, checks): PGlite and node-postgres.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { ClientBase, Pool } from "pg";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFromStdin } from "pg-copy-streams";
import { copyBytea, type ByteaResult } from "./copy-bytea";
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from "./copy-binary";
import { keepPoolAlive, watchConnection } from "./connection-errors";
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

/** A runner that can also stream rows into a table with COPY, in text or binary format. */
export interface BulkRunner extends SqlRunner {
  /**
   * `target` is a quoted table with its column list, e.g. `"t" ("a", "b")`; `data` is COPY text,
   * as a string or already encoded as UTF-8.
   */
  copyText(target: string, data: string | Uint8Array<ArrayBuffer>): Promise<void>;
  /**
   * COPY text produced as it goes (a request body being read): consumed with backpressure, so
   * only a few chunks are held at once. An error thrown by `chunks` aborts the COPY and rejects.
   */
  copyStream(target: string, chunks: AsyncIterable<string>): Promise<void>;
  /**
   * Whole tuples in binary COPY format (copy-binary.ts), produced as it goes, without the header
   * and trailer, which are added per COPY statement.
   */
  copyBinary(target: string, chunks: AsyncIterable<Uint8Array<ArrayBuffer>>): Promise<void>;
}

/** PGlite reads COPY input from one Blob: chunks are gathered up to this size per COPY. */
const PGLITE_COPY_BYTES = 8 * 1024 * 1024;

/** Chunks gathered into batches of about PGLITE_COPY_BYTES (a chunk is never split). */
async function* batches<T extends { length: number }>(chunks: AsyncIterable<T>) {
  let batch: T[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    batch.push(chunk);
    size += chunk.length;
    if (size < PGLITE_COPY_BYTES) continue;
    yield batch;
    batch = [];
    size = 0;
  }
  if (size > 0) yield batch;
}

async function* binaryCopy(chunks: AsyncIterable<Uint8Array>) {
  yield COPY_BINARY_HEADER;
  yield* chunks;
  yield COPY_BINARY_TRAILER;
}

/** Bulk writes that bypass Prisma: COPY, or one statement with array parameters per batch. */
export interface SqlPool {
  transaction<T>(fn: (q: BulkRunner) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: the one bytea value `query` selects, as raw chunks (see copy-bytea.ts).
   * PGlite returns bytea as bytes already, so large values are read in slices there.
   */
  streamBytea?(query: string, result: ByteaResult): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

export function pglitePool(pg: PGlite): SqlPool {
  return {
    transaction: (fn) =>
      pg.transaction((tx) => {
        // PGlite reads COPY input from a Blob handed over as /dev/blob.
        const copyText = async (target: string, data: string | Uint8Array<ArrayBuffer>) => {
          await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
        };
        return fn({
          ...pgliteRunner(tx),
          copyText,
          // No COPY FROM STDIN in PGlite: the stream goes in as batches of bounded size.
          async copyStream(target, chunks) {
            for await (const batch of batches(chunks)) await copyText(target, batch.join(""));
          },
          async copyBinary(target, chunks) {
            for await (const batch of batches(chunks))
              await tx.query(`COPY ${target} FROM '/dev/blob' WITH (FORMAT binary)`, [], {
                blob: new Blob([COPY_BINARY_HEADER, ...batch, COPY_BINARY_TRAILER]),
              });
          },
        });
      }),
    close: async () => undefined,
  };
}

export function pgPool(pool: Pool): SqlPool {
  keepPoolAlive(pool);
  return {
    async transaction(fn) {
      const client = await pool.connect();
      const connection = watchConnection(client);
      let rollbackFailed = false;
      try {
        await client.query("BEGIN");
        const result = await fn({
          ...pgRunner(client),
          async copyText(target, data) {
            await pipeline(
              Readable.from([data]),
              client.query(copyFromStdin(`COPY ${target} FROM STDIN`)),
            );
          },
          async copyStream(target, chunks) {
            // A failing source destroys the COPY stream, which sends CopyFail: the server
            // drops the rows and the transaction is rolled back below.
            await pipeline(
              Readable.from(chunks),
              client.query(copyFromStdin(`COPY ${target} FROM STDIN`)),
            );
          },
          async copyBinary(target, chunks) {
            await pipeline(
              Readable.from(binaryCopy(chunks)),
              client.query(copyFromStdin(`COPY ${target} FROM STDIN WITH (FORMAT binary)`)),
            );
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {
          rollbackFailed = true;
        });
        throw err;
      } finally {
        connection.stop();
        // A connection that broke (or could not even roll back) is closed, not pooled again.
        client.release(connection.broken() || rollbackFailed);
      }
    },
    streamBytea: (query, result) => copyBytea(pool, query, result),
    close: () => pool.end(),
  };
}
