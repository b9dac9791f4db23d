#!/usr/bin/env node
// `npm run test:e2e`: a fresh embedded database, a Chromium found on this machine, then Playwright.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findChromium } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const chromium = findChromium();
if (!chromium) {
  console.error(
    "No Chromium found for the browser tests. Install one of:\n" +
      "  - Debian/Ubuntu: apt-get install -y chromium   (then it is found at /usr/bin/chromium)\n" +
      "  - anywhere with internet access: npx playwright install chromium\n" +
      "  - or set CHROMIUM_PATH to a Chromium/Chrome executable.",
  );
  process.exit(3);
}
rmSync(path.join(root, "test-results", "e2e-data"), { recursive: true, force: true });
rmSync(path.join(root, "test-results", ".auth"), { recursive: true, force: true });
const r = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules", "@playwright", "test", "cli.js"),
    "test",
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      CHROMIUM_PATH: chromium === "playwright" ? "" : chromium,
      XDG_CONFIG_HOME: path.join(root, "test-results", "xdg"),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
);
process.exit(r.status ?? 1);
