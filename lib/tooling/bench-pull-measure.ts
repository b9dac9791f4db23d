// The measured audit-event pull of `npm run bench` (issue 15), shared by the two processes that
// pull: bench-pull-child.ts (PostgreSQL: a process that loads only the pull, as `npm run cli --
// audit pull` does) and bench-status-child.ts with `--pull-here` (PGlite: the pull inside the
// process that computes status, as a PGlite server pulls in its own process — the CLI cannot
// open PGlite while the server holds it). Both import this file lazily, after noting the RSS of
// Node.js and tsx alone.
import type { Database } from "../db/open";
import { encryptSecret } from "../collectors/audit/crypto";
import { pullSource } from "../collectors/audit/pg-source";
import { SOURCE_KEY, SOURCE_SCHEMA, type PullFigures } from "./bench-pull";
import { BENCH, backendCpuSampler, perSec, wholeMb } from "./bench-util";

/** Samples this process's RSS every 20 ms; `stop()` gives the peak in bytes. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export interface PullRun {
  /** The lane's name, printed first. */
  name: string;
  /** The source database (the generated table of bench-pull.ts). */
  sourceUrl: string;
  /** At most this many events (the source holds more for PGlite's lane). */
  rows: number;
  /** This process's RSS before it loaded any of Trustboard's modules. */
  startRss: number;
  /** What else the pulling process holds besides the pull, printed after its RSS figures. */
  alsoHolds?: string;
}

/**
 * Registers the generated table as an audit source of `d` (served by db()), pulls at most
 * `rows` events from it with the pull's own code, prints the line and returns the figures.
 */
export async function measurePull(d: Database, run: PullRun): Promise<PullFigures> {
  const [source] = await d.sql.transaction((q) =>
    q.query<{ id: string }>(
      `INSERT INTO "audit_sources" ("id", "name", "connection_enc", "table_name", "cursor_column", "columns")
       VALUES (gen_random_uuid(), $1, $2, $3, 'id', $4::jsonb) RETURNING "id"`,
      [
        `bench-${Date.now()}`,
        encryptSecret(run.sourceUrl, SOURCE_KEY),
        `${SOURCE_SCHEMA}.core_auditlog`,
        JSON.stringify({
          time: "created_at",
          action: "action",
          actor: "user_email",
          ip: "ip_address",
          organisation: "organization_id",
        }),
      ],
    ),
  );
  const before = process.memoryUsage().rss;
  const sampler = rssSampler();
  const pgCpu = backendCpuSampler(new URL(run.sourceUrl).pathname.slice(1));
  const cpuBefore = process.cpuUsage();
  const t = performance.now();
  const r = await pullSource(BENCH, source!.id, {
    key: SOURCE_KEY,
    maxRows: run.rows,
    // Unset: the pull's own default.
    batchSize: process.env.BENCH_PULL_BATCH ? Number(process.env.BENCH_PULL_BATCH) : undefined,
  });
  const ms = performance.now() - t;
  const peak = sampler.stop();
  const backends: number | null = pgCpu.stop();
  const used = process.cpuUsage(cpuBefore);
  const own = (used.user + used.system) / 1e6;
  const perCpu = (s: number) => Math.round(r.pulled / s).toLocaleString("en");
  console.log(
    `${run.name.padEnd(11)} pull ${r.pulled.toLocaleString("en")} audit events from PostgreSQL: ${(ms / 1000).toFixed(1)} s (${perSec(r.pulled, ms).toLocaleString("en")} /s; the pulling process used ${own.toFixed(1)} CPU-s, ${perCpu(own)} events per its CPU-second${backends === null ? "" : `; with the PostgreSQL backends' ${backends.toFixed(1)} CPU-s (the source, and the target on PostgreSQL), ${perCpu(own + backends)} events per CPU-second`}), peak RSS of the pulling process ${wholeMb(peak)} MB (${wholeMb(before)} MB before the pull, ${wholeMb(run.startRss)} MB of it Node.js and tsx; no heap cap${run.alsoHolds ? `; ${run.alsoHolds}` : ""})`,
  );
  return { pullEventsPerSec: perSec(r.pulled, ms), pullPeakRssMb: wholeMb(peak) };
}
