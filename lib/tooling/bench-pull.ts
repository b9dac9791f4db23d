// The audit-event pull of `npm run bench`: the audited application's table, generated inside
// PostgreSQL, and the figures of the measured pull (bench-pull-measure.ts, run by
// bench-pull-child.ts on PostgreSQL and inside bench-status-child.ts on PGlite). Imported eagerly
// by bench.ts, so it imports only pg here; the pulling side is loaded by the children.
import { Client } from "pg";

export const SOURCE_SCHEMA = "trustboard_bench_src";
export const SOURCE_KEY = "bench-key-0123456789abcdef0123456789";

/** The audited application's table: `rows` events generated inside PostgreSQL. */
export async function makeSource(url: string, rows: number): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS ${SOURCE_SCHEMA} CASCADE; CREATE SCHEMA ${SOURCE_SCHEMA};
    CREATE TABLE ${SOURCE_SCHEMA}.core_auditlog (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL, action text NOT NULL, user_email text, ip_address text, organization_id text)`);
  await c.query(`INSERT INTO ${SOURCE_SCHEMA}.core_auditlog (created_at, action, user_email, ip_address, organization_id)
    SELECT now() - (g || ' seconds')::interval, (ARRAY['login','logout','login_failed','permission_changed','access_denied'])[1 + g % 5],
           'user' || (g % 5000) || '@example.com', '10.' || (g % 250) || '.0.1', 'org' || (g % 40)
    FROM generate_series(1, ${rows}) g`);
  // A freshly written table would make the first reader set every row's hint bits.
  await c.query(`VACUUM ANALYZE ${SOURCE_SCHEMA}.core_auditlog`);
  await c.end();
}

/** What the measured pull reports (bench-pull-measure.ts). */
export interface PullFigures {
  pullEventsPerSec: number;
  pullPeakRssMb: number;
}

/** Measured after the pull by the process that plays the server (bench-status-child.ts). */
export interface StatusFigures {
  statusFirstMs: number;
  statusWarmMs: number;
}
