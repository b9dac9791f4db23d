// The bench's server lane: the production server (`npm start`, built when the sources changed)
// on a lane's database, a signed-in session over HTTP, and the figures only a running server
// gives — page latency, and (bench-push.ts) audit events pushed over the API — with the server's own RSS.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/** The descendants of `pid` (the `next start` child of `npm start`, and its own children). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name may hold spaces: the parent id is the second field after ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  for (const c of children.get(pid) ?? []) visit(c);
  return out;
}

/** RSS in MB of the descendants of `pid`. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return Math.round(kb / 1024);
}

/**
 * CPU seconds (user + system) the descendants of `pid` have used: on a shared machine, work
 * per CPU-second is the figure other processes' load does not distort.
 */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks / 100; // USER_HZ
}

export interface BenchServer {
  base: string;
  /** RSS of the server (without the `npm start` wrapper that only supervises it). */
  rssMb(): number;
  /** CPU seconds the server has used so far. */
  cpuSeconds(): number;
  /** The process that serves (Next.js's `next-server`), without the wrappers above it. */
  serverPid(): number;
  stop(): Promise<void>;
}

/** Next.js renames its server process `next-server (vX.Y.Z)`; else the largest descendant. */
function nextServerPid(root: number): number {
  const tree = descendants(root).map((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return { pid, next: cmd.startsWith("next-server"), rss: Number(rss?.[1] ?? 0) };
    } catch {
      return { pid, next: false, rss: 0 };
    }
  });
  const [first, ...rest] = tree;
  if (!first) throw new Error("the server has no process");
  return (tree.find((p) => p.next) ?? rest.reduce((a, b) => (b.rss > a.rss ? b : a), first)).pid;
}

/** Starts the production server on `url` (or PGlite in `dataDir`) and waits until it answers. */
export async function startServer(opts: {
  url: string | undefined;
  dataDir: string;
  port: number;
  /** Added to the server's environment. */
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    NODE_ENV: "production",
    TRUSTBOARD_DATA_DIR: opts.dataDir,
    PORT: String(opts.port),
    HOST: "127.0.0.1",
  };
  if (opts.url) env.DATABASE_URL = opts.url;
  else delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "lib/tooling/start.ts")],
    { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const base = `http://127.0.0.1:${opts.port}`;
  // A build may come first: up to 15 minutes on a loaded machine.
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const up = await fetch(`${base}/login`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error("the server did not answer within 15 minutes");
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    base,
    rssMb: () => treeRssMb(child.pid!),
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    serverPid: () => nextServerPid(child.pid!),
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in with next-auth's credentials flow; gives the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in failed (${r.status})`);
  return cookie();
}

export interface PageFigure {
  path: string;
  p50: number;
  p95: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0);
};

/** A page of the page run; `before` runs untimed ahead of each request (and is in its label). */
export interface PageRequest {
  path: string;
  label?: string;
  before?: () => Promise<void>;
}

/** Each page `times` times in a row as the signed-in user (after one untimed request). */
export async function pageRun(
  server: BenchServer,
  cookie: string,
  pages: (string | PageRequest)[],
  times: number,
): Promise<PageFigure[]> {
  const out: PageFigure[] = [];
  for (const page of pages) {
    const { path: p, label = p, before } = typeof page === "string" ? { path: page } : page;
    const get = async () => {
      await before?.();
      const t = performance.now();
      const r = await fetch(`${server.base}${p}`, { headers: { cookie }, redirect: "manual" });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`GET ${p} answered ${r.status}`);
      return performance.now() - t;
    };
    await get();
    const ms: number[] = [];
    for (let i = 0; i < times; i++) ms.push(await get());
    out.push({ path: label, p50: pct(ms, 50), p95: pct(ms, 95) });
    // Printed as it goes: on a loaded machine the whole run takes minutes.
    console.log(`  GET ${label}: p50 ${pct(ms, 50)} ms, p95 ${pct(ms, 95)} ms`);
  }
  return out;
}
