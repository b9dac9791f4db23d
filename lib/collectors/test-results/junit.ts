// Streaming JUnit XML parser (saxes): every common dialect — <testsuites> or bare <testsuite>
// roots, nested suites, failure/error/skipped, Surefire flaky*/rerun*, properties on suites and
// cases (value attribute or text), missing attributes. DOCTYPEs are refused, so there are no
// external entities and no entity expansion; memory grows with the number of cases only.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { computeTotals } from "./totals";
import {
  MAX_MESSAGE_CHARS,
  TestResultParseError,
  type CaseStatus,
  type ParsedCase,
  type ParsedRun,
} from "./types";

interface SuiteFrame {
  name: string;
  properties: Record<string, string[]>;
}

interface CaseDraft {
  suite: string;
  classname: string | null;
  name: string;
  file: string | null;
  durationMs: number;
  status: CaseStatus;
  flakyMark: boolean;
  message: string | null;
  properties: Record<string, string[]>;
  inherited: Record<string, string[]>;
}

const seconds = (v: string | undefined) => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : 0;
};

function addProperty(target: Record<string, string[]>, name: string, value: string) {
  (target[name] ??= []).push(value);
}

function createJUnitParser() {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const cases: ParsedCase[] = [];
  const suites: SuiteFrame[] = [];
  const stack: string[] = [];
  let current: CaseDraft | null = null;
  let root: string | null = null;
  let rootTime = 0;
  let startedAt: Date | null = null;
  let text: string | null = null; // collecting text for a failure message or a property
  let property: {
    target: Record<string, string[]>;
    name: string;
    value: string | undefined;
  } | null = null;
  let failure: Error | null = null;

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
    const parent = stack[stack.length - 1];
    stack.push(tag.name);
    if (root === null) {
      root = tag.name;
      if (root !== "testsuites" && root !== "testsuite") {
        throw new TestResultParseError(
          `The root element is <${root}>; JUnit XML starts with <testsuites> or <testsuite>.`,
        );
      }
      rootTime = seconds(a.time);
    }
    if (!startedAt && a.timestamp) {
      const t = new Date(a.timestamp.replace(" UTC", "Z"));
      if (!Number.isNaN(t.getTime())) startedAt = t;
    }
    switch (tag.name) {
      case "testsuite":
        suites.push({
          name: a.name ?? suites[suites.length - 1]?.name ?? "(unnamed suite)",
          properties: {},
        });
        break;
      case "testcase": {
        const suite = suites[suites.length - 1];
        const inherited: Record<string, string[]> = {};
        for (const s of suites)
          for (const [k, v] of Object.entries(s.properties))
            inherited[k] = [...(inherited[k] ?? []), ...v];
        current = {
          suite: suite?.name ?? "(no suite)",
          classname: a.classname ?? null,
          name: a.name ?? "(unnamed test)",
          file: a.file ?? null,
          durationMs: seconds(a.time),
          status: "passed",
          flakyMark: false,
          message: null,
          properties: {},
          inherited,
        };
        break;
      }
      case "failure":
      case "error":
      case "skipped":
        if (current && parent === "testcase") {
          const status: CaseStatus =
            tag.name === "failure" ? "failed" : tag.name === "error" ? "errored" : "skipped";
          // failure/error outrank skipped when a tool writes both.
          if (current.status === "passed" || (current.status === "skipped" && status !== "skipped"))
            current.status = status;
          if (tag.name !== "skipped" || !current.message) current.message = a.message ?? null;
          text = "";
        }
        break;
      case "flakyFailure":
      case "flakyError":
        if (current) current.flakyMark = true;
        break;
      case "property": {
        const target =
          current && stack.includes("testcase")
            ? current.properties
            : suites[suites.length - 1]?.properties;
        if (target && a.name) property = { target, name: a.name, value: a.value };
        if (property && property.value === undefined) text = "";
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
    stack.pop();
    switch (tag.name) {
      case "testsuite":
        suites.pop();
        break;
      case "testcase":
        if (current) {
          const properties = { ...current.inherited };
          for (const [k, v] of Object.entries(current.properties))
            properties[k] = [...(properties[k] ?? []), ...v];
          cases.push({
            suite: current.suite,
            classname: current.classname,
            name: current.name,
            file: current.file,
            status: current.status,
            flaky: current.flakyMark && current.status === "passed",
            durationMs: current.durationMs,
            message: current.message ? current.message.slice(0, MAX_MESSAGE_CHARS) : null,
            properties,
          });
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
          addProperty(property.target, property.name, property.value ?? (text ?? "").trim());
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
      return { format: "junit", tool: null, startedAt, durationMs: rootTime || sum, totals, cases };
    },
  };
}

export function parseJUnit(xml: string): ParsedRun {
  const p = createJUnitParser();
  try {
    p.write(xml);
    return p.finish();
  } catch (err) {
    if (err instanceof TestResultParseError) throw err;
    throw new TestResultParseError(`Not well-formed XML: ${(err as Error).message}`);
  }
}
