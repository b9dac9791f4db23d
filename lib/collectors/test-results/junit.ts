// Streaming JUnit XML parser (saxes): every common dialect — <testsuites> or bare <testsuite>
// roots, nested suites, failure/error/skipped, Surefire flaky*/rerun*, properties on suites and
// cases (value attribute or text), missing attributes. DOCTYPEs are refused, so there are no
// external entities and no entity expansion. Memory grows with the file, not with cases times
// suite properties: a suite's properties are one bag its cases point to (limits.ts bounds the rest).
// The numeric attributes are read in junit-attributes.ts, a suite's frame and summary row are in
// junit-suite.ts; this file is the walk over the elements.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { AppError } from "@/lib/errors";
import { cutText } from "@/lib/validation/storable";
import { declaredCounts, seconds } from "./junit-attributes";
import { summaryCase, type SuiteFrame } from "./junit-suite";
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
  type ParsedCase,
  type ParsedRun,
  type PropertyBag,
} from "./types";

export interface JUnitOptions {
  /** The zone of timestamps written without one (IANA name); UTC by default. */
  timeZone?: string;
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
    // A loop over the names: entries() would build an array per attribute of every element.
    for (const name in a)
      if (a[name]!.length > LIMITS.attributeChars)
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
            message: c.message ? cutText(c.message, MAX_MESSAGE_CHARS) : null,
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
          current.message = cutText(text.trim(), MAX_MESSAGE_CHARS) || null;
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

/** The parser's own refusals as they are; anything the XML reader throws, as not well-formed. */
function asParseError(err: unknown): Error {
  if (err instanceof AppError) return err;
  return new TestResultParseError(`Not well-formed XML: ${(err as Error).message}`);
}

/** Characters parsed between two turns of the event loop in parseJUnitYielding. */
const SLICE_CHARS = 128 * 1024;

/**
 * The same parse in slices cut after a `>`, giving the event loop a turn between them: the
 * database round trips an ingest starts first (the duplicate check) proceed while the file is
 * read, and a large file does not hold up the server's other requests.
 */
export async function parseJUnitYielding(xml: string, opts: JUnitOptions = {}): Promise<ParsedRun> {
  const p = createJUnitParser(opts);
  try {
    for (let at = 0; at < xml.length;) {
      const cut = xml.indexOf(">", at + SLICE_CHARS);
      const end = cut < 0 ? xml.length : cut + 1;
      p.write(xml.slice(at, end));
      at = end;
      if (at < xml.length) await new Promise((resolve) => setImmediate(resolve));
    }
    return p.finish();
  } catch (err) {
    throw asParseError(err);
  }
}

export function parseJUnit(xml: string, opts: JUnitOptions = {}): ParsedRun {
  const p = createJUnitParser(opts);
  try {
    p.write(xml);
    return p.finish();
  } catch (err) {
    throw asParseError(err);
  }
}
