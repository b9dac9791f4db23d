// `npm start` under a process supervisor: SIGTERM (or SIGINT) to the npm process stops the whole
// server within 10 seconds, frees the port, and leaves the embedded database clean for the next
// start.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const URL = `http://127.0.0.1:${PORT}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function answers(): Promise<boolean> {
  try {
    await fetch(`${URL}/login`, { redirect: "manual" });
    return true;
  } catch {
    return false;
  }
}

/** Whether any process of the group is left. */
const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

async function startNpm(dataDir: string) {
  expect(await answers(), `port ${PORT} is free`).toBe(false);
  // Its own process group, so the test can see every process it leaves behind.
  const npm = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      TRUSTBOARD_DATA_DIR: dataDir,
      DATABASE_URL: "",
      TRUSTBOARD_ADMIN_EMAIL: "stop@e2e.test",
      TRUSTBOARD_ADMIN_PASSWORD: "stop-password-123",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  npm.stdout.on("data", (d) => (output += d));
  npm.stderr.on("data", (d) => (output += d));
  for (const deadline = Date.now() + 120_000; !(await answers()); await sleep(300)) {
    if (npm.exitCode !== null || Date.now() > deadline) throw new Error(`no start:\n${output}`);
  }
  return { npm, output: () => output };
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`${signal} to npm start stops the server within 10 s`, async () => {
    test.setTimeout(300_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "trustboard-stop-"));
    for (const round of [1, 2]) {
      const { npm, output } = await startNpm(dataDir);
      // The database works (the second round: after a clean stop, nothing to recover).
      const login = await fetch(`${URL}/login`, { redirect: "manual" });
      expect(login.status, output()).toBe(200);
      const sent = Date.now();
      process.kill(npm.pid!, signal); // only npm's own process, as a supervisor does
      while (groupAlive(npm.pid!) && Date.now() - sent < 15_000) await sleep(100);
      const took = Date.now() - sent;
      const left = groupAlive(npm.pid!);
      if (left) process.kill(-npm.pid!, "SIGKILL");
      expect(left, `round ${round}: processes left after ${signal}\n${output()}`).toBe(false);
      expect(took).toBeLessThan(10_000);
      expect(await answers()).toBe(false);
    }
  });
}
