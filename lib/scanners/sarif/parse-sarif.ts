// SARIF 2.1.0 logs (CodeQL, Semgrep, Trivy and most scanners) read into findings: each result
// becomes one finding keyed by its fingerprint, or by rule and location when the tool gives
// none. Only the fields Trustboard uses are validated; the rest of the log may be anything SARIF
// allows. Bounded: so many runs and results, so long a text.
import { createHash } from "node:crypto";
import { z } from "zod";
import { invalid } from "@/lib/errors";
import { zodMessage } from "@/lib/validation/parse-json";
import {
  nulPath,
  UNPAIRED_SURROGATE_MESSAGE,
  unpairedSurrogatePath,
} from "@/lib/validation/storable";

export const MAX_SARIF_BYTES = 20 * 1024 * 1024;
export const MAX_SARIF_RESULTS = 20_000;
const MAX_RUNS = 50;

export type SarifLevel = "error" | "warning" | "note" | "none";
export type FindingLevel = "error" | "warn" | "info";

/** SARIF's level → Trustboard's finding level (its backlog priority follows, see the README). */
export const SARIF_LEVELS: Record<SarifLevel, FindingLevel> = {
  error: "error",
  warning: "warn",
  note: "info",
  none: "info",
};

const text = z.string().max(100_000);
const message = z.object({ text: text.optional(), markdown: text.optional() }).loose();
const level = z.enum(["error", "warning", "note", "none"]);
const artifactLocation = z
  .object({ uri: z.string().max(4096).optional(), index: z.number().int().min(0).optional() })
  .loose();
const location = z
  .object({
    physicalLocation: z
      .object({
        artifactLocation: artifactLocation.optional(),
        region: z
          .object({ startLine: z.number().int().min(1).optional() })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
    logicalLocations: z
      .array(z.object({ fullyQualifiedName: z.string().max(4096).optional() }).loose())
      .max(100)
      .optional(),
    message: message.optional(),
  })
  .loose();
const fingerprints = z.record(z.string().max(256), z.string().max(4096));
const rule = z
  .object({
    id: z.string().min(1).max(512),
    name: z.string().max(512).optional(),
    shortDescription: message.optional(),
    fullDescription: message.optional(),
    helpUri: z.string().max(4096).optional(),
    help: message.optional(),
    defaultConfiguration: z.object({ level: level.optional() }).loose().optional(),
  })
  .loose();
const result = z
  .object({
    ruleId: z.string().max(512).optional(),
    ruleIndex: z.number().int().min(-1).optional(),
    rule: z
      .object({ id: z.string().max(512).optional(), index: z.number().int().optional() })
      .loose()
      .optional(),
    kind: z.enum(["notApplicable", "pass", "fail", "review", "open", "informational"]).optional(),
    level: level.optional(),
    message,
    locations: z.array(location).max(1000).optional(),
    partialFingerprints: fingerprints.optional(),
    fingerprints: fingerprints.optional(),
    suppressions: z
      .array(
        z.object({ status: z.enum(["accepted", "underReview", "rejected"]).optional() }).loose(),
      )
      .optional(),
    baselineState: z.string().optional(),
  })
  .loose();
const run = z
  .object({
    tool: z.object({
      driver: z
        .object({
          name: z.string().trim().min(1, "the tool needs a name").max(200),
          version: z.string().max(200).optional(),
          semanticVersion: z.string().max(200).optional(),
          rules: z.array(rule).max(100_000).optional(),
        })
        .loose(),
    }),
    automationDetails: z
      .object({ id: z.string().max(500).optional() })
      .loose()
      .optional(),
    artifacts: z
      .array(z.object({ location: artifactLocation.optional() }).loose())
      .max(200_000)
      .optional(),
    results: z.array(result).max(MAX_SARIF_RESULTS).nullable().optional(),
  })
  .loose();
const sarifLog = z
  .object({
    version: z.literal("2.1.0", { message: 'only SARIF version "2.1.0" is accepted' }),
    $schema: z.string().optional(),
    runs: z.array(run).min(1, "the log has no run").max(MAX_RUNS),
  })
  .loose();

export interface SarifFinding {
  /** Stable per tool: `sarif:<fingerprint hash>`. */
  key: string;
  ruleId: string;
  ruleName: string | null;
  level: FindingLevel;
  sarifLevel: SarifLevel;
  message: string;
  file: string | null;
  line: number | null;
  helpUri: string | null;
  /** Which fingerprint identified it: a tool's own, or "rule+location". */
  fingerprintSource: string;
}

export interface SarifRunFindings {
  /** The tool's name, with its run category (CodeQL's `automationDetails.id`) when given. */
  source: string;
  tool: string;
  version: string | null;
  findings: SarifFinding[];
  /** Results left out on purpose: suppressed, or a pass/not-applicable kind. */
  ignored: { suppressed: number; notFailures: number };
}

/** Whether a JSON body is a SARIF log rather than one Trustboard finding. */
export function looksLikeSarif(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  return (
    (typeof o.$schema === "string" && /sarif/i.test(o.$schema)) ||
    (o.version === "2.1.0" && Array.isArray(o.runs))
  );
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A result's identity: the tool's fingerprints when it gives them (partialFingerprints, then
 * fingerprints, every entry in key order so none is chosen by chance), else rule + file + line
 * + the location's own message (Trivy reports each package of an image at the same place and
 * tells them apart only there).
 */
function identity(
  r: z.infer<typeof result>,
  ruleId: string,
  file: string | null,
  line: number | null,
): { id: string; source: string } {
  for (const [field, fp] of [
    ["partialFingerprints", r.partialFingerprints],
    ["fingerprints", r.fingerprints],
  ] as const) {
    const entries = Object.entries(fp ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length)
      return {
        id: `${ruleId}\n${entries.map(([k, v]) => `${k}=${v}`).join("\n")}`,
        source: `${field}: ${entries.map(([k]) => k).join(", ")}`,
      };
  }
  const where = r.locations?.[0];
  const logical = where?.logicalLocations?.[0]?.fullyQualifiedName ?? "";
  return {
    id: `${ruleId}\n${file ?? ""}\n${line ?? ""}\n${logical}\n${where?.message?.text ?? ""}`,
    source: "rule+location",
  };
}

/** Parses a SARIF 2.1.0 log (text); a bad log is a 400 naming what is wrong. */
export function parseSarif(content: string): SarifRunFindings[] {
  if (content.length > MAX_SARIF_BYTES)
    throw invalid(`The SARIF log is larger than ${MAX_SARIF_BYTES / 1024 / 1024} MB.`);
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch {
    throw invalid("The body is not valid JSON.");
  }
  return readSarif(json);
}

/** Reads an already-parsed SARIF log. */
export function readSarif(json: unknown): SarifRunFindings[] {
  const nul = nulPath(json);
  if (nul !== null) throw invalid(`SARIF ${nul}: contains a NUL character.`);
  const half = unpairedSurrogatePath(json);
  if (half !== null) throw invalid(`SARIF ${half}: ${UNPAIRED_SURROGATE_MESSAGE}`);
  const parsed = sarifLog.safeParse(json);
  if (!parsed.success) throw invalid(`Not a valid SARIF 2.1.0 log: ${zodMessage(parsed.error)}`);
  const total = parsed.data.runs.reduce((n, r) => n + (r.results?.length ?? 0), 0);
  if (total > MAX_SARIF_RESULTS)
    throw invalid(`The SARIF log has ${total} results; at most ${MAX_SARIF_RESULTS} are accepted.`);

  const bySource = new Map<string, SarifRunFindings>();
  for (const [runIndex, r] of parsed.data.runs.entries()) {
    const tool = r.tool.driver.name;
    const category = r.automationDetails?.id?.trim();
    const source = clip(category ? `${tool} (${category})` : tool, 200);
    const rules = r.tool.driver.rules ?? [];
    const out = bySource.get(source) ?? {
      source,
      tool,
      version: r.tool.driver.semanticVersion ?? r.tool.driver.version ?? null,
      findings: [],
      ignored: { suppressed: 0, notFailures: 0 },
    };
    bySource.set(source, out);
    const seen = new Set(out.findings.map((f) => f.key));
    for (const [resultIndex, res] of (r.results ?? []).entries()) {
      if (res.kind && !["fail", "open", "review"].includes(res.kind)) {
        out.ignored.notFailures += 1;
        continue;
      }
      if (res.suppressions?.some((s) => s.status === undefined || s.status === "accepted")) {
        out.ignored.suppressed += 1;
        continue;
      }
      const index = res.ruleIndex ?? res.rule?.index;
      const byId = res.ruleId ?? res.rule?.id;
      const ruleDef =
        (byId !== undefined ? rules.find((x) => x.id === byId) : undefined) ??
        (index !== undefined && index >= 0 ? rules[index] : undefined);
      const ruleId = byId ?? ruleDef?.id;
      if (!ruleId)
        throw invalid(`SARIF runs.${runIndex}.results.${resultIndex}: the result names no rule.`);
      const phys = res.locations?.[0]?.physicalLocation;
      const artifactIndex = phys?.artifactLocation?.index;
      const file =
        phys?.artifactLocation?.uri ??
        (artifactIndex !== undefined ? r.artifacts?.[artifactIndex]?.location?.uri : undefined) ??
        null;
      const line = phys?.region?.startLine ?? null;
      // SARIF's default level is "warning" when neither the result nor its rule says.
      const sarifLevel: SarifLevel = res.level ?? ruleDef?.defaultConfiguration?.level ?? "warning";
      const { id, source: fingerprintSource } = identity(res, ruleId, file, line);
      let key = `sarif:${sha(id).slice(0, 24)}`;
      // Two results with the same identity in one run stay two findings.
      for (let n = 2; seen.has(key); n += 1) key = `sarif:${sha(`${id}\n#${n}`).slice(0, 24)}`;
      seen.add(key);
      const messageText =
        res.message.text ?? res.message.markdown ?? ruleDef?.shortDescription?.text ?? ruleId;
      out.findings.push({
        key,
        ruleId: clip(ruleId, 512),
        ruleName: ruleDef?.shortDescription?.text ?? ruleDef?.name ?? null,
        level: SARIF_LEVELS[sarifLevel],
        sarifLevel,
        message: clip(messageText, 4000),
        file: file ? clip(file, 1000) : null,
        line,
        helpUri: ruleDef?.helpUri ?? null,
        fingerprintSource,
      });
    }
  }
  return [...bySource.values()];
}
