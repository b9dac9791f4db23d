#!/usr/bin/env node
// `npm test`: every check, in order, with one summary line at the end.
//   type-check · lint · format · schema/migrations agreement · unit · integration on PGlite
//   · integration on PostgreSQL (when TEST_DATABASE_URL is set) · Playwright in Chromium
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "test-results");
mkdirSync(out, { recursive: true });
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, args, extraEnv = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...env, ...extraEnv },
  });
  const ok = r.status === 0;
  console.log(
    `=== ${name}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (!ok) failedSteps.push(name);
  return ok;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

function vitest(name, project, file, extraEnv) {
  rmSync(file, { force: true });
  run(
    name,
    [
      bin("vitest", "vitest.mjs"),
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${file}`,
    ],
    extraEnv,
  );
  countVitest(file);
}

run("type-check", [bin("typescript", "bin/tsc"), "--noEmit"]);
run("lint", [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"]);
run("format check (Prettier)", [bin("prettier", "bin/prettier.cjs"), "--check", "."]);
run("schema.prisma matches prisma/migrations", [
  path.join(root, "lib/tooling/prisma.mjs"),
  "migrate",
  "diff",
  "--check",
]);
vitest("unit tests", "unit", path.join(out, "vitest-unit.json"));
vitest("integration tests on PGlite", "integration", path.join(out, "vitest-pglite.json"), {
  TEST_LANE: "pglite",
});
if (process.env.TEST_DATABASE_URL) {
  vitest(
    "integration tests on PostgreSQL",
    "integration",
    path.join(out, "vitest-postgresql.json"),
    { TEST_LANE: "postgresql" },
  );
} else {
  console.log("\n(TEST_DATABASE_URL is not set: the PostgreSQL lane is skipped. .ci/run sets it.)");
}
const pwReport = path.join(out, "playwright.json");
rmSync(pwReport, { force: true });
run("browser tests (Playwright, production build)", [path.join(root, "lib/tooling/e2e.mjs")]);
if (existsSync(pwReport)) {
  const s = JSON.parse(readFileSync(pwReport, "utf8")).stats;
  totals.passed += s.expected + s.flaky;
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
}

console.log(
  failedSteps.length ? `\nFailed steps: ${failedSteps.join(", ")}` : "\nAll steps passed.",
);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
