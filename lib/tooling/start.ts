// `npm start`: validates the configuration, generates and keeps AUTH_SECRET, builds when
// the sources changed since the last build, then serves Trustboard with `next start`.
// SIGTERM or SIGINT (a process supervisor, Ctrl-C) stops the build or the server within
// 10 seconds: the server closes its database cleanly (instrumentation.ts), and is killed if it
// has not exited by then. Losing our parent (npm killed outright) stops the server too.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv } from "../env";
import { buildIsCurrent, markBuilt } from "./build-state";
import { BUILT_CONFIG_VAR, builtConfigEnv } from "./built-config";
import { SecretFileError, persistentSecret, readSecretFile } from "./secrets";

const root = path.resolve(__dirname, "../..");
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** After this, a child that ignored the signal is killed: supervisors allow about 10 s. */
const KILL_AFTER_MS = 8_000;

/**
 * V8 heap sizing for the production server (issue 15). A page render with a year of data
 * allocates a few hundred MB of short-lived objects; with V8's default growing factor (up to 4×
 * the live heap after each full collection) the old space then grew to about 400 MB although
 * about 70 MB of it was live, and the committed pages stayed in the RSS long after. Growing by
 * at most half the live heap collects sooner, and the memory reducer returns pages after 2 s
 * of quiet instead of 8. Not a cap: the heap still grows as far as the live data needs.
 * TRUSTBOARD_SERVER_V8_FLAGS replaces these (empty: V8's defaults).
 */
const SERVER_V8_FLAGS = (
  process.env.TRUSTBOARD_SERVER_V8_FLAGS ??
  "--heap-growing-percent=50 --gc-memory-reducer-start-delay-ms=2000"
)
  .split(/\s+/)
  .filter(Boolean);

let child: ChildProcess | null = null;
let stopping = false;

function stop(signal: NodeJS.Signals): void {
  if (stopping) {
    // A second Ctrl-C: no more waiting.
    child?.kill("SIGKILL");
    process.exit(130);
  }
  stopping = true;
  if (!child || child.exitCode !== null) process.exit(0);
  child.kill(signal);
  setTimeout(() => {
    console.error(`The server did not stop within ${KILL_AFTER_MS / 1000} s; killing it.`);
    child?.kill("SIGKILL");
  }, KILL_AFTER_MS).unref();
}

function watchSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.on(signal, () => stop(signal === "SIGHUP" ? "SIGTERM" : signal));
  // npm or a shell between the supervisor and us may die without passing the signal on.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("SIGTERM");
  }, 1_000).unref();
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env });
  return new Promise((resolve) =>
    child!.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))),
  );
}

async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  watchSignals();
  let authSecret: string;
  try {
    authSecret = env.AUTH_SECRET ?? persistentSecret(env.dataDir, "auth-secret");
    // Checked now, not at the first pull: an unusable key file stops the start, naming it.
    if (!env.TRUSTBOARD_SECRET_KEY) readSecretFile(env.dataDir, "secret-key");
  } catch (err) {
    if (err instanceof SecretFileError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // glibc gives each thread its own malloc arena; Node's I/O threads then keep freed buffers
    // (uploads, evidence slices) in many arenas and the RSS only grows. Two arenas keep it flat.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
    TRUSTBOARD_DATA_DIR: env.dataDir,
    AUTH_SECRET: authSecret,
    // The production server's own handler (instrumentation.ts) closes the database first.
    ...(dev ? {} : { NEXT_MANUAL_SIG_HANDLE: "true" }),
  };
  // Only `next start` may get the built configuration (below): one inherited from the shell would
  // make `next build` and `next dev` skip next.config.ts.
  delete childEnv[BUILT_CONFIG_VAR];
  if (!dev && !buildIsCurrent(root)) {
    console.log("Building Trustboard (first start or sources changed)…");
    const status = await run([nextBin, "build"], { ...childEnv, NODE_ENV: "production" });
    if (stopping) process.exit(0);
    if (status !== 0) {
      console.error("The build failed; see the output above.");
      process.exit(status);
    }
    markBuilt(root);
  }
  const where = env.DATABASE_URL
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded PGlite in ${env.dataDir}`;
  console.log(`Trustboard on http://${env.HOST}:${env.PORT} — database: ${where}`);
  const code = await run(
    [
      ...(dev ? [] : SERVER_V8_FLAGS),
      nextBin,
      dev ? "dev" : "start",
      "-H",
      env.HOST,
      "-p",
      String(env.PORT),
    ],
    // The configuration the build resolved, so that the server does not load SWC to compile
    // next.config.ts (built-config.ts).
    dev ? childEnv : { ...childEnv, ...builtConfigEnv(root) },
  );
  process.exit(stopping ? 0 : code);
}

void main();
