// The first file after a start paid for V8 compiling the ingest path (parser, mapping, the COPY
// text) and for the pool's new connection (PostgreSQL loading its catalog caches, planning the
// triggers' statements): a first 10,000-case ingest took about twice the time of the next (bench,
// 2026-11-30). The server rehearses whole ingests of generated files at start, in the background:
// every statement runs, in a transaction that is rolled back, so nothing is stored and no activity
// is recorded; the connection it used stays open in the pool (lib/db/open.ts).
import { randomUUID } from "node:crypto";
import type { SystemActor } from "@/lib/auth/actor";
import { rehearseIngest } from "./ingest";
import { sampleJUnit } from "./sample-junit";

/** Cases per rehearsed file: enough calls for V8 to optimise the hot functions. */
export const WARM_UP_CASES = 2_000;

const WARM_UP_ACTOR: SystemActor = { kind: "system", id: null, email: "warm-up" };

/**
 * Rehearses the ingest of generated files (rolled back); returns the cases it went through. Each
 * file carries a random comment, so it is never a duplicate of a stored run.
 */
export async function warmUpIngest(rounds = 3): Promise<number> {
  let cases = 0;
  for (let r = 0; r < rounds; r++) {
    const file = `${sampleJUnit(WARM_UP_CASES, r)}\n<!-- warm-up ${randomUUID()} -->`;
    const result = await rehearseIngest(WARM_UP_ACTOR, file, { via: "api", source: "warm-up" });
    cases += result.totals.tests;
  }
  return cases;
}
