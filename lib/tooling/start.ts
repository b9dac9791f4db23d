// `npm start`: validates the configuration, generates and keeps AUTH_SECRET, builds when
// the sources changed since the last build, then serves Trustboard with `next start`.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { EnvError, parseEnv } from "../env";
import { buildIsCurrent, markBuilt } from "./build-state";
import { persistentSecret } from "./secrets";

const root = path.resolve(__dirname, "../..");
const dev = process.argv.includes("--dev");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function main(): void {
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
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    TRUSTBOARD_DATA_DIR: env.dataDir,
    AUTH_SECRET: env.AUTH_SECRET ?? persistentSecret(env.dataDir, "auth-secret"),
  };
  if (!dev && !buildIsCurrent(root)) {
    console.log("Building Trustboard (first start or sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...childEnv, NODE_ENV: "production" },
    });
    if (build.status !== 0) {
      console.error("The build failed; see the output above.");
      process.exit(build.status ?? 1);
    }
    markBuilt(root);
  }
  const where = env.DATABASE_URL
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded PGlite in ${env.dataDir}`;
  console.log(`Trustboard on http://${env.HOST}:${env.PORT} — database: ${where}`);
  const server = spawn(
    process.execPath,
    [nextBin, dev ? "dev" : "start", "-H", env.HOST, "-p", String(env.PORT)],
    {
      cwd: root,
      stdio: "inherit",
      env: childEnv,
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main();
