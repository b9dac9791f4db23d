// The first file after a start paid for V8 compiling the parser: a first parse of 10,000 JUnit
// cases took two to three times the CPU of the next (bench, 2026-11-30). The server parses a
// generated file once at start, in the background, so that the first upload does not pay it.
// Nothing is stored and nothing is read from the database.
import { parseTestResultsYielding } from "./parse";
import { sampleJUnit } from "./sample-junit";

/** Cases parsed at start: enough calls for V8 to optimise the parser's hot functions. */
export const WARM_UP_CASES = 2_000;

/** Parses generated files until the parser's functions are optimised; returns the cases read. */
export async function warmUpParser(rounds = 3): Promise<number> {
  let cases = 0;
  for (let r = 0; r < rounds; r++)
    cases += (await parseTestResultsYielding(sampleJUnit(WARM_UP_CASES, r))).cases.length;
  return cases;
}
