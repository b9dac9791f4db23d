// Helpers shared by the bench and its child processes. The children measure their own RSS from
// their first line on, so this file imports nothing but types and Node.js built-ins.
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import type { Database } from "../db/open";
import type { SystemActor } from "../auth/actor";

export const MB = 1024 * 1024;
/** Printed sizes: "12 MB". */
export const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
/** Sizes as figures (the `--json` keys and the children's messages). */
export const wholeMb = (bytes: number) => Math.round(bytes / MB);
export const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
export const rate = (n: number, ms: number) => `${perSec(n, ms).toLocaleString("en")} /s`;
export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** On a shared machine the figures follow the load: printed with them. */
export const loadAverage = (digits = 2) =>
  os
    .loadavg()
    .map((l) => l.toFixed(digits))
    .join(" ");

export const BENCH: SystemActor = { kind: "system", id: null, email: "bench" };

/** The data layer reaches the database through db(): point it at the lane's database. */
export function serve(d: Database): void {
  (globalThis as { __trustboardDb?: Promise<Database> }).__trustboardDb = Promise.resolve(d);
}

export function unserve(): void {
  (globalThis as { __trustboardDb?: unknown }).__trustboardDb = undefined;
}

/**
 * CPU seconds used by the PostgreSQL backends serving database `name` (the connections of a pull, or of
 * the server during a push), sampled every 200 ms: on a shared machine, events per CPU-second is the
 * figure other processes' load does not distort. PostgreSQL's shared background processes (WAL
 * writer, checkpointer) serve every database and are not counted.
 */
export function backendCpuSampler(name: string) {
  const ticks = new Map<number, { first: number; last: number }>();
  const sample = () => {
    for (const [pid, t] of processTicks(
      (cmd) => cmd.startsWith("postgres: ") && cmd.includes(` ${name} `),
    )) {
      const seen = ticks.get(pid);
      if (seen) seen.last = t;
      else ticks.set(pid, { first: t, last: t });
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let sum = 0;
      for (const { first, last } of ticks.values()) sum += last - first;
      return sum / 100; // USER_HZ
    },
  };
}

/** CPU ticks (user and system) used so far by each process whose command line `matches`. */
function processTicks(matches: (cmdline: string) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!matches(readFileSync(`/proc/${pid}/cmdline`, "utf8"))) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(pid), Number(f[11]) + Number(f[12])); // utime, stime
    } catch {
      // Ended meanwhile.
    }
  }
  return out;
}

/** CPU ticks used so far by every PostgreSQL process on this machine (0 where there is none). */
const postgresTicks = () =>
  [...processTicks((cmd) => cmd.startsWith("postgres")).values()].reduce((a, b) => a + b, 0);

/**
 * Waits (at most `maxMs`) until PostgreSQL's processes have used no CPU for 300 ms, so that what
 * PostgreSQL does after a commit (autovacuum, its writers) is not measured as part of the next
 * figure: this machine's two cores share one physical core, each about 1.4 times slower while
 * both are busy. Returns the time waited.
 */
export async function postgresQuiet(maxMs = 5_000): Promise<number> {
  const t = performance.now();
  let last = postgresTicks();
  let quietSince = t;
  while (performance.now() - t < maxMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = postgresTicks();
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= 300) break;
  }
  return performance.now() - t;
}
