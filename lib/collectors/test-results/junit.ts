// Streaming JUnit XML parser (saxes): every common dialect — <testsuites> or bare <testsuite>
// roots, nested suites, failure/error/skipped, Surefire flaky*/rerun*, properties on suites and
// cases (value attribute or text), missing attributes. DOCTYPEs are refused, so there are no
// external entities and no entity expansion. Memory grows with the file, not with cases times
// suite properties: a suite's properties are one bag its cases point to (limits.ts bounds the rest).
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { AppError } from "@/lib/errors";
import {
  LIMITS,
  attributeTooLong,
  tooDeep,
  tooManyCases,
  tooManyProperties,
  tooManyPropertiesInFile,
} from "./limits";
import { parseTimestamp } from "./time-zone";
import { computeTotals } from "./totals";
import {
  MAX_MESSAGE_CHARS,
  TestResultParseError,
  type CaseStatus,
  type DeclaredCounts,
  type ParsedCase,
  type ParsedRun,
  type PropertyBag,
} from "./types";

export interface JUnitOptions {
  /** The zone of timestamps written without one (IANA name); UTC by default. */
  timeZone?: string;
}

interface SuiteFrame {
  name: string;
  properties: PropertyBag;
  propertyCount: number;
  /** This suite's bag after its ancestors' bags: one array per suite, shared by its cases. */
  chain: PropertyBag[];
  declared: DeclaredCounts | null;
  durationMs: number;
  /** A <testcase> or a summary-only suite somewhere below: then its own totals are not counted again. */
  counted: boolean;
}

interface CaseDraft extends ParsedCase {
  rank: number;
  flakyMark: boolean;
  propertyCount: number;
}

// One outcome per case, the worst one: error, then failure, then skipped.
const RANK: Record<CaseStatus, number> = { passed: 0, skipped: 1, failed: 2, errored: 3 };
const OUTCOME: Record<string, CaseStatus> = {
  failure: "failed",
  error: "errored",
  skipped: "skipped",
};

const seconds = (v: string | undefined) => {
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

function declaredCounts(a: Record<string, string>, suite: string): DeclaredCounts | null {
  const failed = count(a.failures, suite);
  const errored = count(a.errors, suite);
  const skipped = count(a.skipped ?? a.disabled, suite);
  const tests = Math.max(count(a.tests, suite), failed + errored + skipped);
  return tests > 0 ? { tests, failed, errored, skipped } : null;
}

/** The one row standing for a suite that wrote only its totals. */
function summaryCase(frame: SuiteFrame, d: DeclaredCounts): ParsedCase {
  const status: CaseStatus =
    d.errored > 0
      ? "errored"
      : d.failed > 0
        ? "failed"
        : d.skipped === d.tests
          ? "skipped"
          : "passed";
  return {
    suite: frame.name,
    classname: null,
    name: `${frame.name} (summary only: ${d.tests} tests, ${d.failed} failed, ${d.errored} errored, ${d.skipped} skipped)`,
    file: null,
    status,
    flaky: false,
    durationMs: frame.durationMs,
    message:
      status === "errored" || status === "failed"
        ? `The suite wrote only its totals, no test cases: ${d.failed + d.errored} of ${d.tests} declared failing.`
        : null,
    properties: {},
    inherited: frame.chain,
    summary: d,
  };
}

function createJUnitParser(opts: JUnitOptions) {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const cases: ParsedCase[] = [];
  const summaryOnly: string[] = [];
  const suites: SuiteFrame[] = [];
  let depth = 0;
  let current: CaseDraft | null = null;
  let root: string | null = null;
  let rootTime = 0;
  let startedAt: Date | null = null;
  let properties = 0;
  let text: string | null = null; // collecting text for a failure message or a property
  let property: { target: PropertyBag; name: string; value: string | undefined } | null = null;
  let failure: Error | null = null;
  const where = (what: string) => `Line ${parser.line}: ${what}`;

  parser.on("doctype", () => {
    throw new TestResultParseError(
      "DOCTYPE declarations are not accepted in test results (no DTDs, no entities).",
    );
  });
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string>;
    depth += 1;
    if (depth > LIMITS.depth) throw tooDeep(where(`<${tag.name}>`));
    for (const [name, value] of Object.entries(a))
      if (value.length > LIMITS.attributeChars)
        throw attributeTooLong(where(`the ${name} attribute of <${tag.name}>`));
    if (root === null) {
      root = tag.name;
      if (root !== "testsuites" && root !== "testsuite") {
        throw new TestResultParseError(
          `The root element is <${root}>; JUnit XML starts with <testsuites> or <testsuite>.`,
        );
      }
      rootTime = seconds(a.time);
    }
    if (!startedAt && a.timestamp) startedAt = parseTimestamp(a.timestamp, opts.timeZone);
    const suite = suites[suites.length - 1];
    switch (tag.name) {
      case "testsuite": {
        const name = a.name ?? suite?.name ?? "(unnamed suite)";
        const bag: PropertyBag = {};
        suites.push({
          name,
          properties: bag,
          propertyCount: 0,
          chain: [...(suite?.chain ?? []), bag],
          declared: declaredCounts(a, name),
          durationMs: seconds(a.time),
          counted: false,
        });
        break;
      }
      case "testcase":
        if (current) break; // a <testcase> inside a <testcase> is not a test of its own
        if (cases.length >= LIMITS.cases) throw tooManyCases();
        current = {
          suite: suite?.name ?? "(no suite)",
          classname: a.classname ?? null,
          name: a.name ?? "(unnamed test)",
          file: a.file ?? null,
          durationMs: seconds(a.time),
          status: "passed",
          flaky: false,
          message: null,
          properties: {},
          inherited: suite?.chain ?? [],
          rank: 0,
          flakyMark: false,
          propertyCount: 0,
        };
        break;
      case "failure":
      case "error":
      case "skipped": {
        const status = OUTCOME[tag.name]!;
        // Only the worst outcome counts, with its own message; a second one of the same rank adds nothing.
        if (current && RANK[status] > current.rank) {
          current.status = status;
          current.rank = RANK[status];
          current.message = a.message ?? null;
          text = "";
        }
        break;
      }
      case "flakyFailure":
      case "flakyError":
        if (current) current.flakyMark = true;
        break;
      case "property": {
        const owner = current ?? suite;
        if (!owner || !a.name) break;
        owner.propertyCount += 1;
        if (owner.propertyCount > LIMITS.propertiesPerElement)
          throw tooManyProperties(
            current ? `Test "${current.name}"` : `Suite "${suite?.name ?? ""}"`,
          );
        if (++properties > LIMITS.properties) throw tooManyPropertiesInFile();
        property = { target: owner.properties, name: a.name, value: a.value };
        if (property.value === undefined) text = "";
        break;
      }
    }
  });
  const onText = (t: string) => {
    if (text !== null && text.length < MAX_MESSAGE_CHARS) text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    depth -= 1;
    switch (tag.name) {
      case "testsuite": {
        const frame = suites.pop();
        if (!frame) break;
        if (!frame.counted && frame.declared) {
          if (cases.length >= LIMITS.cases) throw tooManyCases();
          cases.push(summaryCase(frame, frame.declared));
          summaryOnly.push(frame.name);
          frame.counted = true;
        }
        const parent = suites[suites.length - 1];
        if (parent && frame.counted) parent.counted = true;
        break;
      }
      case "testcase":
        if (current) {
          const c = current;
          cases.push({
            suite: c.suite,
            classname: c.classname,
            name: c.name,
            file: c.file,
            status: c.status,
            flaky: c.flakyMark && c.status === "passed",
            durationMs: c.durationMs,
            message: c.message ? c.message.slice(0, MAX_MESSAGE_CHARS) : null,
            properties: c.properties,
            inherited: c.inherited,
          });
          for (const s of suites) s.counted = true;
          current = null;
        }
        break;
      case "failure":
      case "error":
      case "skipped":
        if (current && text !== null && !current.message)
          current.message = text.trim().slice(0, MAX_MESSAGE_CHARS) || null;
        text = null;
        break;
      case "property":
        if (property)
          (property.target[property.name] ??= []).push(property.value ?? (text ?? "").trim());
        property = null;
        text = null;
        break;
    }
  });

  return {
    write(chunk: string) {
      parser.write(chunk);
      if (failure) throw failure;
    },
    finish(): ParsedRun {
      parser.close();
      if (failure) throw failure;
      if (root === null) throw new TestResultParseError("The file holds no XML elements.");
      const totals = computeTotals(cases);
      const sum = cases.reduce((n, c) => n + c.durationMs, 0);
      return {
        format: "junit",
        tool: null,
        startedAt,
        durationMs: Math.min(rootTime || sum, 2_147_483_647),
        totals,
        cases,
        summaryOnly,
      };
    },
  };
}

export function parseJUnit(xml: string, opts: JUnitOptions = {}): ParsedRun {
  const p = createJUnitParser(opts);
  try {
    p.write(xml);
    return p.finish();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new TestResultParseError(`Not well-formed XML: ${(err as Error).message}`);
  }
}
