#!/usr/bin/env node
// `npm test`: every check, in order, with one summary line at the end.
//   type-check · lint · format · schema/migrations agreement · unit · integration on PGlite
//   · integration on PostgreSQL (when TEST_DATABASE_URL is set) · unit + integration on PGlite
//   with the clock 400 days ahead (when `faketime` is installed) · Playwright in Chromium
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "test-results");
mkdirSync(out, { recursive: true });
const bin = (/** @type {string} */ pkg, /** @type {string} */ file) =>
  path.join(root, "node_modules", pkg, file);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {string[]} */
const failedSteps = [];

/**
 * @param {string} name
 * @param {string[]} args
 * @param {Record<string, string>} [extraEnv]
 */
function run(name, args, extraEnv = {}, command = process.execPath) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(command, args, {
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

/** @param {string} file */
function countVitest(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

/**
 * `wrapper`: a command that runs node with the rest of the arguments (e.g. faketime).
 * @param {string} name
 * @param {string} project
 * @param {string} file
 * @param {Record<string, string>} [extraEnv]
 * @param {string[]} [wrapper]
 */
function vitest(name, project, file, extraEnv, wrapper = []) {
  rmSync(file, { force: true });
  const args = [
    bin("vitest", "vitest.mjs"),
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${file}`,
  ];
  if (wrapper.length)
    run(name, [...wrapper.slice(1), process.execPath, ...args], extraEnv, wrapper[0]);
  else run(name, args, extraEnv);
  countVitest(file);
}

const onPath = (/** @type {string} */ command) =>
  (process.env.PATH ?? "")
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, command)));

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
// No test may depend on today's date: the unit and PGlite integration suites again, with the
// system clock 400 days ahead. Debian's `faketime` preloads libfaketime into node, and the
// vitest workers inherit it (LD_PRELOAD, FAKETIME). `-f +400d` shifts the wall clock (Date,
// PGlite's now()); `--exclude-monotonic` (FAKETIME_DONT_FAKE_MONOTONIC=1) leaves the monotonic
// clock alone, so timers, performance.now() and the event loop run as usual.
const ahead = "with the clock 400 days ahead (faketime)";
const faketime = ["faketime", "--exclude-monotonic", "-f", "+400d"];
if (onPath("faketime")) {
  vitest(`unit tests ${ahead}`, "unit", path.join(out, "vitest-unit-faketime.json"), {}, faketime);
  vitest(
    `integration tests on PGlite ${ahead}`,
    "integration",
    path.join(out, "vitest-pglite-faketime.json"),
    { TEST_LANE: "pglite" },
    faketime,
  );
} else if (process.env.CI === "true") {
  const step = `unit + integration tests ${ahead}`;
  console.log(`\n=== ${step}: FAILED (faketime is not installed; .ci/run installs it) ===`);
  failedSteps.push(step);
} else {
  console.log(
    `\n(faketime is not installed: the lane with the clock 400 days ahead is skipped. Debian: apt-get install faketime; .ci/run installs it.)`,
  );
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
