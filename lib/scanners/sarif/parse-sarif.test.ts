import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { SARIF_FIXTURES } from "@/lib/testing/fixture-path";
import { looksLikeSarif, MAX_SARIF_RESULTS, parseSarif, readSarif } from "./parse-sarif";

const fixture = (f: string) => readFileSync(path.join(SARIF_FIXTURES, f), "utf8");

describe("parseSarif on real logs", () => {
  it("CodeQL: partial fingerprints, a location given only by its artifact index", () => {
    const [run] = parseSarif(fixture("codeql-fingerprinting.expected.sarif"));
    expect(run!.source).toBe("CodeQL command-line toolchain");
    expect(run!.version).toBe("2.0.0");
    expect(
      run!.findings.map((f) => [
        f.ruleId,
        f.file,
        f.line,
        f.sarifLevel,
        f.level,
        f.fingerprintSource,
      ]),
    ).toEqual([
      [
        "js/unused-local-variable",
        "testFile1.js",
        1,
        "warning",
        "warn",
        "partialFingerprints: primaryLocationLineHash",
      ],
      [
        "js/unused-local-variable",
        "testFile2.js",
        2,
        "warning",
        "warn",
        "partialFingerprints: primaryLocationLineHash",
      ],
    ]);
  });

  it("Semgrep: the rule's default level, fingerprints, a suppressed result left out", () => {
    const [run] = parseSarif(fixture("semgrep-include-nosemgrep.sarif"));
    expect(run!.ignored).toEqual({ suppressed: 1, notFailures: 0 });
    expect(run!.findings).toHaveLength(1);
    expect(run!.findings[0]).toMatchObject({
      sarifLevel: "error",
      level: "error",
      line: 3,
      fingerprintSource: "fingerprints: matchBasedId/v1",
      ruleName: "Semgrep Finding: rules.detected-aws-account-id",
    });
  });

  it("Trivy: no fingerprints, four results at one place told apart by rule and location message", () => {
    const [run] = parseSarif(fixture("trivy-alpine-310.sarif"));
    expect(run!.findings.map((f) => f.fingerprintSource)).toEqual(Array(4).fill("rule+location"));
    expect(new Set(run!.findings.map((f) => f.key)).size).toBe(4);
    expect(run!.findings[0]).toMatchObject({
      ruleId: "CVE-2019-1549",
      helpUri: "https://avd.aquasec.com/nvd/cve-2019-1549",
      file: "testdata/fixtures/images/alpine-310.tar.gz",
    });
  });

  it("keys are stable: the same log twice gives the same keys, a moved CodeQL result keeps its key", () => {
    const a = parseSarif(fixture("codeql-fingerprinting.expected.sarif"))[0]!.findings.map(
      (f) => f.key,
    );
    const log = JSON.parse(fixture("codeql-fingerprinting.expected.sarif"));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 40;
    const b = readSarif(log)[0]!.findings.map((f) => f.key);
    expect(b).toEqual(a);
  });

  it("is told apart from a single finding", () => {
    expect(looksLikeSarif(JSON.parse(fixture("trivy-alpine-310.sarif")))).toBe(true);
    expect(looksLikeSarif({ version: "2.1.0", runs: [] })).toBe(true);
    expect(looksLikeSarif({ title: "x", priority: "P1" })).toBe(false);
    expect(looksLikeSarif([1])).toBe(false);
  });
});

describe("parseSarif refuses", () => {
  const run = (results: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      version: "2.1.0",
      runs: [{ tool: { driver: { name: "t" } }, results, ...extra }],
    });

  it.each([
    ["bad JSON", "{", /not valid JSON/],
    ["no runs", JSON.stringify({ version: "2.1.0", runs: [] }), /no run/],
    ["an unknown level", run([{ ruleId: "r", level: "fatal", message: { text: "m" } }]), /level/],
    ["a NUL", run([{ ruleId: "r", message: { text: "a\u0000b" } }]), /NUL/],
    [
      "half a surrogate pair",
      run([{ ruleId: "r", message: { text: "a\ud800b" } }]),
      /message\.text: contains an unpaired surrogate/,
    ],
    [
      "a line 0",
      run([
        {
          ruleId: "r",
          message: { text: "m" },
          locations: [{ physicalLocation: { region: { startLine: 0 } } }],
        },
      ]),
      /startLine/,
    ],
  ])("%s", (_label, text, message) => {
    expect(() => parseSarif(text)).toThrow(message);
  });

  it("too many results", () => {
    const results = Array.from({ length: MAX_SARIF_RESULTS + 1 }, () => ({
      ruleId: "r",
      message: { text: "m" },
    }));
    expect(() => parseSarif(run(results))).toThrow(/20000/);
  });

  it("keeps pass and notApplicable results out, counts them", () => {
    const [r] = parseSarif(
      run([
        { ruleId: "r", kind: "pass", message: { text: "ok" } },
        { ruleId: "r", kind: "fail", message: { text: "bad" } },
      ]),
    );
    expect(r!.findings).toHaveLength(1);
    expect(r!.ignored.notFailures).toBe(1);
    // SARIF's default level when neither result nor rule has one.
    expect(r!.findings[0]!.sarifLevel).toBe("warning");
  });

  it("merges runs of the same tool and category; a category makes a source of its own", () => {
    const log = {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "CodeQL" } },
          automationDetails: { id: "/language:js/" },
          results: [{ ruleId: "a", message: { text: "m" } }],
        },
        {
          tool: { driver: { name: "CodeQL" } },
          automationDetails: { id: "/language:py/" },
          results: [],
        },
        {
          tool: { driver: { name: "CodeQL" } },
          automationDetails: { id: "/language:js/" },
          results: [{ ruleId: "a", message: { text: "m" } }],
        },
      ],
    };
    const runs = readSarif(log);
    expect(runs.map((r) => [r.source, r.findings.length])).toEqual([
      ["CodeQL (/language:js/)", 2],
      ["CodeQL (/language:py/)", 0],
    ]);
    // Two identical results stay two findings with distinct keys.
    expect(new Set(runs[0]!.findings.map((f) => f.key)).size).toBe(2);
  });
});

describe("readSarif on generated input", () => {
  it("answers any JSON with findings or a 400-class error, never a crash", () => {
    const anyRun = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({
        tool: fc.record({
          driver: fc.record({ name: fc.string(), rules: fc.jsonValue({ maxDepth: 3 }) }),
        }),
        artifacts: fc.jsonValue({ maxDepth: 3 }),
        results: fc.array(
          fc.record({
            ruleId: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
            ruleIndex: fc.integer({ min: -3, max: 5 }),
            level: fc.constantFrom("error", "warning", "note", "none", "bad"),
            message: fc.record({ text: fc.string() }),
            locations: fc.jsonValue({ maxDepth: 4 }),
            partialFingerprints: fc.dictionary(fc.string(), fc.string()),
          }),
          { maxLength: 4 },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(anyRun, { maxLength: 3 }), (runs) => {
        try {
          readSarif({ version: "2.1.0", runs });
        } catch (err) {
          expect(isAppError(err) && err.code === "invalid").toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
