// node-postgres reports a connection that breaks (a restart or failover of PostgreSQL,
// pg_terminate_backend, a proxy's idle timeout) as an 'error' event: on the pool for an idle
// connection, on the client for one in use. With nobody listening, that event ends the process
// — the whole server, for one lost connection. The query in flight fails on its own; these
// listeners keep the process alive and remember that the connection must not be used again.
import type { Client, Pool, PoolClient } from "pg";

export function keepPoolAlive(pool: Pool): Pool {
  // The pool drops the broken connection itself and opens a new one when next needed.
  pool.on("error", (err) => console.error(`[db] an idle connection was closed: ${err.message}`));
  return pool;
}

export interface WatchedConnection {
  /** Whether the connection reported an error: it must be discarded, not reused. */
  broken(): boolean;
  stop(): void;
}

export function watchConnection(client: Client | PoolClient): WatchedConnection {
  let failed = false;
  const onError = () => {
    failed = true;
  };
  client.on("error", onError);
  return { broken: () => failed, stop: () => client.off("error", onError) };
}
