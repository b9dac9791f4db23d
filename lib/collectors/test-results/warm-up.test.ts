import { describe, expect, it } from "vitest";
import { parseTestResults } from "./parse";
import { sampleJUnit } from "./sample-junit";
import { allProperties } from "./types";

describe("the generated files of the ingest warm-up and the bench", () => {
  it("generates suites tagged with a criterion and about one failure in 97", () => {
    const run = parseTestResults(sampleJUnit(1_000, 3));
    expect(run.totals.tests).toBe(1_000);
    const failing = Array.from({ length: 1_000 }, (_, k) => (k + 3) % 97 === 0).filter(Boolean);
    expect(run.totals.failed).toBe(failing.length);
    expect(run.cases[0]!.suite).toBe("suite0");
    expect(allProperties(run.cases[250]!).soc2).toEqual(["CC8.3"]);
  });
});
