// What one test-result file may hold. Memory stays proportional to the file (50 MB at most),
// and work per case stays constant: a file past these limits is refused before anything is
// stored — counts with 413 (too large), shapes no test tool writes with 400.
import { tooLarge } from "@/lib/errors";
import { TestResultParseError } from "./types";

export const LIMITS = {
  /** Test cases in one file (the 50 MB limit allows about this many minimal ones). */
  cases: 500_000,
  /** Properties on one suite or case; CTRF tags plus label values of one test. */
  propertiesPerElement: 1_000,
  /** Properties in the whole file. */
  properties: 200_000,
  /** Elements nested inside each other (XML) or arrays/objects (JSON). */
  depth: 64,
  /** Characters of one attribute value (XML) or one name, suite, path, tag or label (JSON). */
  attributeChars: 65_536,
  /** What one summary-only suite may declare (tests, failures, errors or skipped). */
  declaredTests: 1_000_000,
} as const;

const n = (v: number) => v.toLocaleString("en");

export const tooManyCases = () =>
  tooLarge(
    `The file holds more than ${n(LIMITS.cases)} test cases; split it into several uploads.`,
  );

export const tooManyProperties = (where: string) =>
  tooLarge(
    `${where} has more than ${n(LIMITS.propertiesPerElement)} properties; Trustboard reads at most that many per suite or test.`,
  );

export const tooManyPropertiesInFile = () =>
  tooLarge(`The file holds more than ${n(LIMITS.properties)} properties in all.`);

export const tooDeep = (where: string) =>
  new TestResultParseError(
    `${where}: elements are nested more than ${LIMITS.depth} levels deep; no test tool writes that.`,
  );

export const attributeTooLong = (where: string) =>
  new TestResultParseError(`${where} is longer than ${n(LIMITS.attributeChars)} characters.`);
