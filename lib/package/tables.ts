// tables/*.csv: the package's data for spreadsheets, with the same formula-injection guard as
// every other export (csvCell).
import { toCsv } from "@/lib/export/csv";
import type { PackageData } from "./types";

const mainReason = (reasons: { severity: string; text: string }[]) =>
  reasons.find((r) => r.severity !== "info")?.text ?? reasons[0]?.text ?? "";
const joined = (xs: string[]) => xs.join(" ");

export function packageTables(d: PackageData): [string, string][] {
  return [
    [
      "tables/criteria.csv",
      toCsv(
        ["id", "category", "series", "title", "in_scope", "status", "overridden", "design", "operating", "controls", "reasons"],
        d.criteria.map((c) => [
          c.id,
          c.category,
          c.series,
          c.title,
          c.inScope,
          c.status,
          c.overridden,
          c.design,
          c.operating,
          joined(c.controls),
          c.reasons.map((r) => r.text).join(" | "),
        ]),
      ),
    ],
    [
      "tables/controls.csv",
      toCsv(
        ["ref", "title", "implementation", "owner", "criteria", "status", "main_reason"],
        d.controls.map((c) => [
          c.ref,
          c.title,
          c.implementation,
          c.owner,
          joined(c.criteria),
          c.status,
          mainReason(c.reasons),
        ]),
      ),
    ],
    [
      "tables/evidence.csv",
      toCsv(
        ["title", "kind", "review_state", "evidence_date", "controls", "url", "file", "revision", "size", "sha256"],
        d.evidence.map((e) => [
          e.title,
          e.kind,
          e.reviewState,
          e.evidenceDate,
          joined(e.controls),
          e.url,
          e.file?.path,
          e.file?.revision,
          e.file?.size,
          e.file?.sha256,
        ]),
      ),
    ],
    [
      "tables/backlog.csv",
      toCsv(
        ["key", "title", "priority", "status", "owner", "due_date", "created_at", "resolved_at", "verified_at", "controls", "criteria", "checks_done"],
        d.backlog.map((b) => [
          b.key,
          b.title,
          b.priority,
          b.status,
          b.owner,
          b.dueDate,
          b.createdAt,
          b.resolvedAt,
          b.verifiedAt,
          joined(b.controls),
          joined(b.criteria),
          `${b.checks.filter((c) => c.done).length}/${b.checks.length}`,
        ]),
      ),
    ],
    [
      "tables/must-haves.csv",
      toCsv(
        ["phase", "phase_title", "phase_progress", "position", "truth", "verdict", "reason", "requirements"],
        d.mustHaves.map((m) => [
          m.phase,
          m.phaseTitle,
          m.progress,
          m.position,
          m.truth,
          m.verdict,
          m.reason,
          joined(m.requirements),
        ]),
      ),
    ],
    [
      "tables/test-runs.csv",
      toCsv(
        ["started_at", "format", "source", "commit", "branch", "tests", "passed", "failed", "errored", "skipped", "controls", "file", "sha256"],
        d.testRuns.map((r) => [
          r.startedAt,
          r.format,
          r.source,
          r.commit,
          r.branch,
          r.tests,
          r.passed,
          r.failed,
          r.errored,
          r.skipped,
          joined(r.controls),
          r.path,
          r.sha256,
        ]),
      ),
    ],
    [
      "tables/audit-event-daily.csv",
      toCsv(
        ["day", "action", "count"],
        d.auditDaily.map((a) => [a.day, a.action, a.count]),
      ),
    ],
    [
      "tables/samples.csv",
      toCsv(
        ["drawn_at", "drawn_by", "criterion", "action", "from", "to", "n", "seed", "population", "population_sha256", "summary"],
        d.samples.map((s) => [
          s.at,
          s.by,
          s.criterion,
          s.action,
          s.from,
          s.to,
          s.n,
          s.seed,
          s.population,
          s.populationHash,
          s.summary,
        ]),
      ),
    ],
    [
      "tables/status-snapshots.csv",
      toCsv(
        ["day", "criterion", "status"],
        d.snapshots.map((s) => [s.day, s.criterion, s.status]),
      ),
    ],
  ];
}
