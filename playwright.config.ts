import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.resolve("test-results/e2e-data");

// End-to-end tests drive a real Chromium against the real production build on a throw-away
// embedded database. Never against a non-local database.
if (process.env.DATABASE_URL && !/@(localhost|127\.0\.0\.1)[:/]/.test(process.env.DATABASE_URL)) {
  throw new Error("Refusing to run end-to-end tests against a non-local DATABASE_URL");
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs lib/tooling/start.ts",
    url: `http://127.0.0.1:${PORT}/login`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      TRUSTBOARD_DATA_DIR: E2E_DATA_DIR,
      TRUSTBOARD_ADMIN_EMAIL: "",
      TRUSTBOARD_ADMIN_PASSWORD: "",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      // Single sign-on against the OpenID Connect provider e2e/sso.spec.ts starts (issue 11).
      TRUSTBOARD_OIDC_ISSUER: `http://127.0.0.1:${PORT + 1000}`,
      TRUSTBOARD_OIDC_CLIENT_ID: "trustboard-e2e",
      TRUSTBOARD_OIDC_CLIENT_SECRET: "e2e-client-secret-not-for-production",
      TRUSTBOARD_OIDC_NAME: "Test IdP",
      TRUSTBOARD_OIDC_ALLOWED_DOMAINS: "e2e.test",
      TRUSTBOARD_OIDC_NEW_USERS: "engineer",
    },
  },
});
