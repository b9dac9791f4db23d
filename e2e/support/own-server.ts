// A second Trustboard server with a data directory of its own, for tests that must stop
// the server and touch its embedded database directly.
import { spawn, type ChildProcess } from "node:child_process";

export interface OwnServer {
  url: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/login`, { redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

export async function startOwnServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<OwnServer> {
  // A server left over from an earlier run would answer instead of ours, with another database.
  if (await answers(`http://127.0.0.1:${port}`))
    throw new Error(`Port ${port} is already in use; stop the process listening there.`);
  // Its own process group, so stopping it also stops the Next.js server it starts.
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "lib/tooling/start.ts"],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        TRUSTBOARD_DATA_DIR: dataDir,
        DATABASE_URL: "",
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/login`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  /** Sends a signal to the whole group; false once no process of it is left. */
  const signal = (sig: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, sig);
      return true;
    } catch {
      return false;
    }
  };
  return {
    url,
    // Returns once every process of the group has exited, so port and data directory are free.
    async stop() {
      signal("SIGTERM");
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(250)) {
        if (!signal(0)) return;
      }
      signal("SIGKILL");
      while (signal(0)) await sleep(100);
    },
  };
}
