// CTRF JSON (Common Test Report Format). Totals are counted from the tests themselves, not
// copied from the report's summary. "pending" counts as skipped; "other" as errored, since a
// result that is neither a pass nor a known skip must not look like a pass.
import { z } from "zod";
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
  duration: z.number().nonnegative().optional().default(0),
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
    tests: z.array(testSchema),
  }),
});

const STATUS: Record<z.infer<typeof testSchema>["status"], CaseStatus> = {
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  pending: "skipped",
  other: "errored",
};

export function parseCtrf(json: string): ParsedRun {
  let data: unknown;
  try {
    data = JSON.parse(json);
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
  const cases: ParsedCase[] = r.tests.map((t) => {
    const properties: Record<string, string[]> = {};
    if (t.tags?.length) properties.tags = t.tags;
    for (const [k, v] of Object.entries(t.labels ?? {}))
      properties[k] = (Array.isArray(v) ? v : [v]).map(String);
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
      message: (t.message ?? t.trace ?? null)?.slice(0, MAX_MESSAGE_CHARS) ?? null,
      properties,
    };
  });
  const start = r.summary?.start;
  const stop = r.summary?.stop;
  return {
    format: "ctrf",
    tool: r.tool?.name ?? null,
    startedAt: start ? new Date(start) : null,
    durationMs:
      start && stop && stop >= start ? stop - start : cases.reduce((n, c) => n + c.durationMs, 0),
    totals: computeTotals(cases),
    cases,
  };
}
