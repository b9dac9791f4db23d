// index.html: the package readable offline in any browser, with no script and no network:
// criteria → status and reasons → controls → evidence, test runs, audit-event coverage and
// backlog items, linking to the files beside it in the ZIP.
import type { PackageData } from "./types";

const esc = (s: unknown) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const href = (path: string) => path.split("/").map(encodeURIComponent).join("/");
const link = (path: string, text: string) => `<a href="${esc(href(path))}">${esc(text)}</a>`;
const STATUS: Record<string, string> = {
  met: "met",
  at_risk: "at risk",
  gap: "gap",
  not_started: "not started",
  not_applicable: "not applicable",
};
const badge = (s: string) => `<span class="s ${esc(s)}">${esc(STATUS[s] ?? s)}</span>`;

const STYLE = `body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#0f172a;padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #cbd5e1}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #e2e8f0;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f1f5f9}
.s{border-radius:.25rem;padding:0 .4rem;font-weight:600}.met{background:#d1fae5}.gap{background:#fee2e2}
.at_risk{background:#fef3c7}.not_started,.not_applicable{background:#e2e8f0}code{font-size:12px}ul{margin:0;padding-left:1.2rem}`;

function criterionSection(d: PackageData): string {
  const controlsByRef = new Map(d.controls.map((c) => [c.ref, c]));
  const rows = d.criteria
    .filter((c) => c.inScope)
    .map((c) => {
      const controls = c.controls
        .map((ref) => {
          const ctl = controlsByRef.get(ref);
          const evidence = d.evidence.filter((e) => e.controls.includes(ref));
          const runs = d.testRuns.filter((r) => r.controls.includes(ref));
          // A run stale for this control is listed, but says it does not count here.
          const notCounted = (r: PackageData["testRuns"][number]) =>
            r.notCurrentFor.includes(ref)
              ? ` — does not count as current evidence for ${esc(ref)}: ${esc(r.notCurrentReason ?? "older than its freshness window when it arrived")}`
              : "";
          const items = [
            ...evidence.map((e) =>
              e.file
                ? `<li>${link(e.file.path, e.title)} <code>${esc(e.file.sha256.slice(0, 12))}…</code></li>`
                : `<li>${esc(e.title)} (${esc(e.kind)}${e.url ? `: ${esc(e.url)}` : ""})</li>`,
            ),
            ...runs.map(
              (r) =>
                `<li>${link(r.path, `test run ${r.startedAt.slice(0, 10)}`)}: ${r.passed}/${r.tests} passed${notCounted(r)}</li>`,
            ),
          ];
          return `<li><strong>${esc(ref)}</strong> ${esc(ctl?.title)} ${ctl ? badge(ctl.status) : ""}${items.length ? `<ul>${items.join("")}</ul>` : " <em>no evidence in the period</em>"}</li>`;
        })
        .join("");
      const reasons = c.reasons.map((r) => `<li>${esc(r.text)}</li>`).join("");
      return `<tr id="${esc(c.id)}"><td><strong>${esc(c.id)}</strong><br>${esc(c.title)}</td><td>${badge(c.status)}${c.overridden ? " (overridden)" : ""}${reasons ? `<ul>${reasons}</ul>` : ""}</td><td>${controls ? `<ul>${controls}</ul>` : "<em>no controls mapped</em>"}</td></tr>`;
    });
  return `<h2>Criteria in scope</h2><table><tr><th>Criterion</th><th>Status and reasons</th><th>Controls and evidence</th></tr>${rows.join("")}</table>`;
}

function testRunSection(d: PackageData): string {
  if (d.testRuns.length === 0) return "<h2>Test runs</h2><p>No test runs in the period.</p>";
  const rows = d.testRuns.map(
    (r) =>
      `<tr><td>${link(r.path, r.startedAt)}</td><td>${esc(r.source)}</td><td>${r.passed}/${r.tests}</td><td>${esc(r.controls.join(", "))}</td><td>${esc(r.notCurrentFor.join(", "))}</td><td>${esc(r.failing.map((f) => f.name).join(", "))}</td></tr>`,
  );
  return `<h2>Test runs</h2><table><tr><th>Started</th><th>Source</th><th>Passed</th><th>Controls</th><th>Not counted for (stale)</th><th>Failing</th></tr>${rows.join("")}</table>`;
}

function auditSection(d: PackageData): string {
  if (d.auditDaily.length === 0)
    return "<h2>Audit-event coverage</h2><p>No audit events in the period.</p>";
  const byAction = new Map<string, { days: number; events: number; first: string; last: string }>();
  for (const a of d.auditDaily) {
    const t = byAction.get(a.action) ?? { days: 0, events: 0, first: a.day, last: a.day };
    t.days += 1;
    t.events += a.count;
    t.last = a.day > t.last ? a.day : t.last;
    t.first = a.day < t.first ? a.day : t.first;
    byAction.set(a.action, t);
  }
  const rows = [...byAction].map(
    ([action, t]) =>
      `<tr><td><code>${esc(action)}</code></td><td>${t.events}</td><td>${t.days}</td><td>${t.first}</td><td>${t.last}</td></tr>`,
  );
  return `<h2>Audit-event coverage</h2><p>Daily counts: ${link("tables/audit-event-daily.csv", "audit-event-daily.csv")}.</p><table><tr><th>Event type</th><th>Events</th><th>Days with events</th><th>First</th><th>Last</th></tr>${rows.join("")}</table>`;
}

function backlogSection(d: PackageData): string {
  if (d.backlog.length === 0) return "<h2>Backlog</h2><p>No backlog items.</p>";
  const rows = d.backlog.map(
    (b) =>
      `<tr><td>${esc(b.key)}</td><td>${esc(b.title)}</td><td>${esc(b.priority)}</td><td>${esc(b.status.replace(/_/g, " "))}</td><td>${esc(b.dueDate)}</td><td>${esc([...b.criteria, ...b.controls].join(", "))}</td></tr>`,
  );
  return `<h2>Backlog</h2><table><tr><th>Key</th><th>Title</th><th>Priority</th><th>Status</th><th>Due</th><th>Criteria and controls</th></tr>${rows.join("")}</table>`;
}

export function indexHtml(d: PackageData, fingerprint: string): string {
  const empty =
    d.evidence.length === 0 && d.testRuns.length === 0 && d.auditDaily.length === 0
      ? "<p><strong>This period holds no evidence, test runs or audit events.</strong></p>"
      : "";
  const tables = [
    "criteria",
    "controls",
    "evidence",
    "backlog",
    "must-haves",
    "test-runs",
    "audit-event-daily",
    "samples",
    "status-snapshots",
  ].map((t) => link(`tables/${t}.csv`, `${t}.csv`));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Audit package: ${esc(d.workspace.name)}, ${esc(d.period.from)} to ${esc(d.period.to)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<style>${STYLE}</style></head><body>
<h1>Audit package: ${esc(d.workspace.name)}</h1>
<p>Period <strong>${esc(d.period.from)}</strong> to <strong>${esc(d.period.to)}</strong>, created ${esc(d.createdAt.toISOString())}. Categories in scope: ${esc(d.workspace.categoriesInScope.join(", "))}.</p>
${empty}
<p>Check this package with <code>node verify.mjs --fingerprint ${esc(fingerprint)}</code> in this folder (Node.js, nothing else). The signing key's fingerprint is <code>${esc(fingerprint)}</code>; compare it with the one shown in Trustboard's Settings.</p>
<p>Tables: ${tables.join(", ")}. OSCAL: ${link("oscal/assessment-results.json", "assessment-results.json")}, ${link("oscal/poam.json", "poam.json")}, ${link("oscal/catalog.json", "catalog.json")}. Activity log: ${link("activity/activity.jsonl", "activity.jsonl")} (${d.activity.rows} entries${d.chainHead ? `; chain head #${esc(d.chainHead.seq)} <code>${esc(d.chainHead.hash)}</code>` : ""}).</p>
${criterionSection(d)}
${testRunSection(d)}
${auditSection(d)}
${backlogSection(d)}
</body></html>
`;
}
