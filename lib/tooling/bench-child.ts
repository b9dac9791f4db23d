// The figures of memory-sensitive parts (the hostile file, the pull on PostgreSQL, packaging) are
// taken in a fresh process that loads only that part: in the bench's own process, the eagerly imported rest
// of the bench was most of the figure. The page queries run in bench.ts again (`--pages`).
import { fork } from "node:child_process";
import path from "node:path";

/** bench.ts answers `--pages` (see its dispatch); forked here, it must stay the entry point. */
const BENCH_ENTRY = path.join(__dirname, "bench.ts");

/**
 * Runs `entry` (a bench-*-child.ts) with `args`, or else bench.ts again in `mode`; resolves
 * with what the child sends.
 */
export function runChild<T>(
  mode: string,
  args: string[],
  entry?: string,
  entryFlags = ["--liftoff-only"],
): Promise<T> {
  return new Promise((resolve, reject) => {
    // The same malloc setting as `npm start` and `npm run cli` (see lib/tooling/start.ts).
    const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };
    // The packaging child runs as `npm run cli` does: WebAssembly on V8's baseline compiler
    // only (--liftoff-only, see docs/performance-log.md, "Audit package"), which keeps Prisma's query compiler
    // from growing by about 50 MB of optimised code while the package's data is read.
    const child = entry
      ? fork(path.join(__dirname, entry), args, {
          stdio: "inherit",
          env,
          execArgv: [...process.execArgv, ...entryFlags],
        })
      : fork(BENCH_ENTRY, [mode, ...args], { stdio: "inherit", env });
    let result: T | undefined;
    child.on("message", (m) => (result = m as T));
    child.on("exit", (code) =>
      code === 0 && result !== undefined
        ? resolve(result)
        : reject(new Error(`bench child (${mode}) exited with ${code}`)),
    );
  });
}
