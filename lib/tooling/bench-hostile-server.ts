// `npm run bench -- --only-hostile-server`: the hostile JUnit file of issue 10 through the
// production server, as the README's figure is defined: `npm start` on a fresh database (PGlite,
// or PostgreSQL with BENCH_DATABASE_URL) with the demo loaded, `/login` answered once, then the
// file posted to POST /api/v1/test-results with an ingest token. The RSS of the `next-server`
// process is sampled every 50 ms; what it consists of, idle and after the file, is read from
// /proc/PID/smaps (bench-memory-map.ts) and from the server's own process.memoryUsage() (a probe
// loaded with NODE_OPTIONS, bench-memory-probe.mjs).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureCatalog } from "../db/bootstrap";
import { freshDatabase } from "./bench-database";
import { hostileJunit } from "./bench-hostile-file";
import { describeMemoryMap, memoryMap, type MemoryMap } from "./bench-memory-map";
import { startServer, type BenchServer } from "./bench-server";
import { loadAverage, serve, unserve } from "./bench-util";

/** After `/login` first answers: the status warm-up and V8's memory reducer have run by then. */
const SETTLE_MS = 10_000;
const SAMPLE_MS = 50;
const PROBE = path.join(__dirname, "bench-memory-probe.mjs");

export interface HostileServerFigure {
  outcome: string;
  idleMb: number;
  peakMb: number;
  idle: MemoryMap;
  after: MemoryMap;
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Math.round(Number(m?.[1] ?? 0) / 1024);
};

/** Demo workspace, an admin and an ingest token in a fresh database; the token is returned. */
async function prepare(url: string | undefined): Promise<{ dataDir: string; token: string }> {
  const { d, dataDir } = await freshDatabase(url);
  serve(d);
  try {
    await ensureCatalog(d.prisma);
    const { setupFirstAdmin } = await import("../users/setup");
    const { createToken } = await import("../collectors/tokens");
    const { loadDemo } = await import("../demo/load-demo");
    const { CLI_ACTOR } = await import("../auth/actor");
    const email = "bench-admin@example.com";
    await setupFirstAdmin({ email, name: "Bench admin", password: "bench password, not used" });
    const id = (await d.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    const admin = {
      kind: "user" as const,
      id,
      email,
      name: "Bench admin",
      role: "admin" as const,
      accessExpiresAt: null,
    };
    await loadDemo(CLI_ACTOR);
    const { token } = await createToken(admin, { name: "hostile", scopes: ["test-results"] });
    return { dataDir, token };
  } finally {
    await d.close();
    unserve();
  }
}

/** Node.js's view of the server's memory (heap, external, array buffers), through the probe. */
async function probe(pid: number, dir: string): Promise<string> {
  // SIGUSR2 ends a process that does not handle it: only sent when the probe is loaded.
  const caught = /SigCgt:\s+([0-9a-f]+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!caught || (BigInt(`0x${caught[1]}`) & (1n << 11n)) === 0n) return "probe not loaded";
  const file = path.join(dir, `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(file)) return "probe did not answer";
  const { usage, spaces } = JSON.parse(readFileSync(file, "utf8")) as {
    usage: Record<string, number>;
    spaces: Record<string, number>;
  };
  const m = (b: number | undefined) => Math.round((b ?? 0) / 1024 ** 2);
  return `process.memoryUsage(): rss ${m(usage.rss)}, heapTotal ${m(usage.heapTotal)} (used ${m(usage.heapUsed)}; new space ${m(spaces.new_space)}, old ${m(spaces.old_space)}, code ${m(spaces.code_space)}, large objects ${m(spaces.large_object_space)}), external ${m(usage.external)} (array buffers ${m(usage.arrayBuffers)}) MB`;
}

async function post(server: BenchServer, token: string, file: string): Promise<string> {
  const r = await fetch(`${server.base}/api/v1/test-results`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
    body: file,
  });
  const body = (await r.json()) as { error?: string; totals?: { tests: number } };
  return r.status === 201 ? `ingested (${body.totals?.tests} tests)` : `refused ${r.status}`;
}

export async function hostileServerBench(
  name: string,
  url: string | undefined,
): Promise<HostileServerFigure> {
  const { dataDir, token } = await prepare(url);
  const probeDir = mkdtempSync(path.join(os.tmpdir(), "tb-probe-"));
  const server = await startServer({
    url,
    dataDir,
    port: Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3199),
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PROBE}`.trim(),
      TB_MEMORY_PROBE_DIR: probeDir,
    },
  });
  try {
    const pid = server.serverPid();
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const idle = memoryMap(pid);
    const idleProbe = await probe(pid, probeDir);
    const file = hostileJunit();
    const load = loadAverage();
    const idleMb = rssMb(pid);
    let peakMb = idleMb;
    const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), SAMPLE_MS);
    let outcome: string;
    try {
      outcome = await post(server, token, file);
    } finally {
      clearInterval(timer);
    }
    peakMb = Math.max(peakMb, rssMb(pid));
    await new Promise((r) => setTimeout(r, 3_000));
    const after = memoryMap(pid);
    const afterProbe = await probe(pid, probeDir);
    console.log(
      `${name.padEnd(11)} hostile JUnit file through the production server (demo loaded, /login once): ${outcome}; next-server RSS ${idleMb} MB before, peak ${peakMb} MB (sampled every ${SAMPLE_MS} ms)${peakMb < 300 ? " ✓" : " ✗"}; load average ${load} before, ${loadAverage()} after`,
    );
    console.log(`${"".padEnd(11)} idle:  ${describeMemoryMap(idle)}`);
    console.log(`${"".padEnd(11)}        ${idleProbe}`);
    console.log(`${"".padEnd(11)} after: ${describeMemoryMap(after)}`);
    console.log(`${"".padEnd(11)}        ${afterProbe}`);
    return { outcome, idleMb, peakMb, idle, after };
  } finally {
    await server.stop();
    rmSync(probeDir, { recursive: true, force: true });
    if (!url) rmSync(dataDir, { recursive: true, force: true });
  }
}
