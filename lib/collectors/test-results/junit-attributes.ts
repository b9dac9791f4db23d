// Reading a JUnit element's numeric attributes: durations and a suite's declared counts. Kept
// apart from the streaming walk (junit.ts) because these are where a hostile file's numbers are
// bounded: a count past LIMITS.declaredTests refuses the file, an absurd duration reads as 0.
import { LIMITS } from "./limits";
import { TestResultParseError, type DeclaredCounts } from "./types";

/** A `time` attribute (seconds) in milliseconds; 0 when absent, unreadable or absurd. */
export const seconds = (v: string | undefined) => {
  const n = Number(v);
  // Stored as 32-bit milliseconds: anything past about 24 days is not a real duration.
  return Number.isFinite(n) && n > 0 && n < 2_000_000 ? Math.round(n * 1000) : 0;
};

/** A declared count: a whole number, 0 when absent or unreadable. */
function count(v: string | undefined, suite: string): number {
  if (v === undefined || v.trim() === "") return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) return 0;
  if (n > LIMITS.declaredTests)
    throw new TestResultParseError(
      `Suite "${suite}" declares ${v} tests; at most ${LIMITS.declaredTests.toLocaleString("en")} are accepted.`,
    );
  return n;
}

export function declaredCounts(a: Record<string, string>, suite: string): DeclaredCounts | null {
  const failed = count(a.failures, suite);
  const errored = count(a.errors, suite);
  const skipped = count(a.skipped ?? a.disabled, suite);
  const tests = Math.max(count(a.tests, suite), failed + errored + skipped);
  return tests > 0 ? { tests, failed, errored, skipped } : null;
}
