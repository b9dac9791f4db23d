// CTRF JSON (Common Test Report Format). Totals are counted from the tests themselves, not
// copied from the report's summary. "pending" counts as skipped; "other" as errored, since a
// result that is neither a pass nor a known skip must not look like a pass.
import { z } from "zod";
import { cutText, replaceUnstorable } from "@/lib/validation/storable";
import {
  LIMITS,
  attributeTooLong,
  tooDeep,
  tooManyCases,
  tooManyProperties,
  tooManyPropertiesInFile,
} from "./limits";
import { computeTotals } from "./totals";
import {
  MAX_MESSAGE_CHARS,
  TestResultParseError,
  type CaseStatus,
  type ParsedCase,
  type ParsedRun,
} from "./types";

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const testSchema = z.object({
  name: z.string(),
  status: z.enum(["passed", "failed", "skipped", "pending", "other"]),
  // Milliseconds, stored in a 32-bit column: a longer test than 24 days is a broken report.
  duration: z.number().nonnegative().max(2_147_483_647).optional().default(0),
  message: z.string().optional(),
  trace: z.string().optional(),
  suite: z.union([z.string(), z.array(z.string())]).optional(),
  filePath: z.string().optional(),
  flaky: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  labels: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(),
});

const reportSchema = z.object({
  reportFormat: z.literal("CTRF").optional(),
  results: z.object({
    tool: z.object({ name: z.string() }).partial().optional(),
    summary: z
      .object({ start: z.number().optional(), stop: z.number().optional() })
      .partial()
      .optional(),
    tests: z.array(z.unknown()),
  }),
});

const STATUS: Record<z.infer<typeof testSchema>["status"], CaseStatus> = {
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  pending: "skipped",
  other: "errored",
};

/** Refuses JSON nested deeper than the limit, before JSON.parse builds it. */
function checkDepth(json: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > LIMITS.depth) {
        const line = json.slice(0, i).split("\n").length;
        throw tooDeep(`Line ${line}`);
      }
    } else if (ch === 125 || ch === 93) depth--;
  }
}

const MAX_TIME = Date.UTC(9999, 11, 31);
const instant = (ms: number | undefined) =>
  ms !== undefined && Number.isFinite(ms) && ms > 0 && ms < MAX_TIME ? new Date(ms) : null;

function checkLength(value: string | undefined, what: string): void {
  if (value !== undefined && value.length > LIMITS.attributeChars) throw attributeTooLong(what);
}

/** A NUL character or a surrogate (half of a pair, or part of one) as a JSON escape. */
const UNSTORABLE_ESCAPE = /\\u(0000|d[89a-f])/i;

const cutNullable = (s: string | null) => (s === null ? null : cutText(s, MAX_MESSAGE_CHARS));

export function parseCtrf(json: string): ParsedRun {
  checkDepth(json);
  let data: unknown;
  try {
    // PostgreSQL cannot store NUL in text, nor half a surrogate pair (a tool that cut a message
    // inside an emoji writes one as an escape): such characters become U+FFFD, read from the
    // escapes JSON spells them with (only when there are any).
    data = UNSTORABLE_ESCAPE.test(json)
      ? JSON.parse(json, (_key, v: unknown) => (typeof v === "string" ? replaceUnstorable(v) : v))
      : JSON.parse(json);
  } catch (err) {
    throw new TestResultParseError(`Not valid JSON: ${(err as Error).message}`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TestResultParseError(
      `Not a CTRF report: ${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}`,
    );
  }
  const r = parsed.data.results;
  if (r.tests.length > LIMITS.cases) throw tooManyCases();
  let propertyTotal = 0;
  const cases: ParsedCase[] = r.tests.map((raw, i) => {
    const one = testSchema.safeParse(raw);
    if (!one.success) {
      const issue = one.error.issues[0];
      throw new TestResultParseError(
        `Not a CTRF report: results.tests.${i}.${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
      );
    }
    const t = one.data;
    const what = `Test ${i + 1}`;
    checkLength(t.name, `${what}: its name`);
    checkLength(t.filePath, `${what}: its filePath`);
    for (const s of Array.isArray(t.suite) ? t.suite : [t.suite])
      checkLength(s, `${what}: its suite`);
    const properties: Record<string, string[]> = {};
    let count = 0;
    if (t.tags?.length) {
      for (const tag of t.tags) checkLength(tag, `${what}: a tag`);
      properties.tags = t.tags;
      count += t.tags.length;
    }
    for (const [k, v] of Object.entries(t.labels ?? {})) {
      const values = (Array.isArray(v) ? v : [v]).map(String);
      for (const value of [k, ...values])
        checkLength(value, `${what}: the label "${k.slice(0, 100)}"`);
      properties[k] = values;
      count += values.length;
    }
    if (count > LIMITS.propertiesPerElement)
      throw tooManyProperties(`Test "${t.name.slice(0, 200)}"`);
    propertyTotal += count;
    if (propertyTotal > LIMITS.properties) throw tooManyPropertiesInFile();
    return {
      suite: Array.isArray(t.suite)
        ? t.suite.join(" › ")
        : (t.suite ?? r.tool?.name ?? "(no suite)"),
      classname: null,
      name: t.name,
      file: t.filePath ?? null,
      status: STATUS[t.status],
      flaky: t.flaky === true && t.status === "passed",
      durationMs: Math.round(t.duration),
      message: cutNullable(t.message ?? t.trace ?? null),
      properties,
    };
  });
  const start = instant(r.summary?.start);
  const stop = instant(r.summary?.stop);
  const span = start && stop ? stop.getTime() - start.getTime() : -1;
  const sum = cases.reduce((n, c) => n + c.durationMs, 0);
  return {
    format: "ctrf",
    tool: r.tool?.name ?? null,
    startedAt: start,
    durationMs: Math.min(span >= 0 ? span : sum, 2_147_483_647),
    totals: computeTotals(cases),
    cases,
    summaryOnly: [],
  };
}
