// The pulling process of `npm run bench` (issue 15): a fresh process that loads only what a
// pull needs — the database, the pull and its crypto — not the rest of the bench (JUnit ingest,
// status, the server lane), which bench.ts loads eagerly and which was most of the 188 MB the
// process held before the pull began. Status after the pull is measured by bench-status-child.ts.
// Usage (from runChild in bench-child.ts): bench-pull-child.ts NAME URL DATA_DIR SOURCE_URL ROWS.
import { SOURCE_KEY, SOURCE_SCHEMA, type PullFigures } from "./bench-pull";
import { BENCH, backendCpuSampler, perSec, serve, wholeMb } from "./bench-util";

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

async function main() {
  // Node.js and tsx alone, before any of Trustboard's modules.
  const startRss = process.memoryUsage().rss;
  const [name = "", url = "", dataDir = "", sourceUrl = "", rows = "0"] = process.argv.slice(2);
  process.env.TRUSTBOARD_DATA_DIR = dataDir;
  const { openDatabase } = await import("../db/open");
  const { encryptSecret } = await import("../collectors/audit/crypto");
  const { pullSource } = await import("../collectors/audit/pg-source");
  const d = await openDatabase({ url: url || undefined, dataDir, migrate: true });
  serve(d);
  try {
    const [source] = await d.sql.transaction((q) =>
      q.query<{ id: string }>(
        `INSERT INTO "audit_sources" ("id", "name", "connection_enc", "table_name", "cursor_column", "columns")
         VALUES (gen_random_uuid(), $1, $2, $3, 'id', $4::jsonb) RETURNING "id"`,
        [
          `bench-${Date.now()}`,
          encryptSecret(sourceUrl, SOURCE_KEY),
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
    const pgCpu = backendCpuSampler(new URL(sourceUrl).pathname.slice(1));
    const cpuBefore = process.cpuUsage();
    const t = performance.now();
    const r = await pullSource(BENCH, source!.id, {
      key: SOURCE_KEY,
      maxRows: Number(rows),
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
      `${name.padEnd(11)} pull ${r.pulled.toLocaleString("en")} audit events from PostgreSQL: ${(ms / 1000).toFixed(1)} s (${perSec(r.pulled, ms).toLocaleString("en")} /s; the pulling process used ${own.toFixed(1)} CPU-s, ${perCpu(own)} events per its CPU-second${backends === null ? "" : `; with the PostgreSQL backends' ${backends.toFixed(1)} CPU-s (the source, and the target on PostgreSQL), ${perCpu(own + backends)} events per CPU-second`}), peak RSS of the pulling process ${wholeMb(peak)} MB (${wholeMb(before)} MB before the pull, ${wholeMb(startRss)} MB of it Node.js and tsx; no heap cap)`,
    );
    const figures: PullFigures = {
      pullEventsPerSec: perSec(r.pulled, ms),
      pullPeakRssMb: wholeMb(peak),
    };
    process.send?.(figures);
  } finally {
    await d.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
