// oscal/assessment-results.json: one result for the package's period. Per in-scope criterion a
// finding (satisfied when met or not applicable, else not satisfied, with the status reasons);
// an observation per evidence item and test run behind it, pointing at the file in the ZIP with
// its SHA-256; a risk per open backlog item.
import type { PackageBacklogItem, PackageCriterion, PackageData } from "../types";
import { dayEnd, dayStart, metadata, nonEmpty, oneLine, packageHref, prop } from "./common";

const STATUS_WORDS: Record<string, string> = {
  met: "met",
  at_risk: "at risk",
  gap: "gap",
  not_started: "not started",
  not_applicable: "not applicable",
};

export const riskStatus = (b: Pick<PackageBacklogItem, "status">) =>
  b.status === "open"
    ? "open"
    : b.status === "in_progress" || b.status === "awaiting_deployment" || b.status === "resolved"
      ? "remediating"
      : "closed";

export function backlogRisk(b: PackageBacklogItem, uuid: (name: string) => string) {
  return {
    uuid: uuid(`risk/${b.key}`),
    title: oneLine(`${b.key}: ${b.title}`),
    description: b.description.trim() || b.title,
    statement: `${b.priority} backlog item, ${b.status.replace(/_/g, " ")}${b.dueDate ? `, due ${b.dueDate}` : ""}.`,
    props: [
      ...prop("priority", b.priority),
      ...prop("backlog-status", b.status),
      ...prop("criteria", b.criteria.join(" ")),
      ...prop("controls", b.controls.join(" ")),
    ],
    status: riskStatus(b),
    deadline: b.dueDate ? dayEnd(b.dueDate) : undefined,
  };
}

function findingDescription(c: PackageCriterion): string {
  const head = `${c.id} is ${STATUS_WORDS[c.status] ?? c.status}${c.overridden ? " (overridden)" : ""}: design ${c.design}, operating effectiveness ${c.operating}.`;
  return c.reasons.length === 0
    ? head
    : [head, "", ...c.reasons.map((r) => `- ${r.text}`)].join("\n");
}

export function oscalAssessmentResults(d: PackageData, uuid: (name: string) => string) {
  const inScope = d.criteria.filter((c) => c.inScope);
  const evidenceObs = d.evidence.map((e) => ({
    refs: e.controls,
    obs: {
      uuid: uuid(`observation/evidence/${e.id}`),
      title: oneLine(e.title),
      description: `${e.kind} evidence "${e.title}" dated ${e.evidenceDate}, accepted; controls ${e.controls.join(", ") || "none"}.`,
      props: [...prop("evidence-kind", e.kind), ...prop("controls", e.controls.join(" "))],
      methods: ["EXAMINE"],
      collected: dayStart(e.evidenceDate),
      "relevant-evidence": [
        e.file
          ? {
              href: packageHref(e.file.path),
              description: `${e.file.fileName}, revision ${e.file.revision}`,
              props: [...prop("sha256", e.file.sha256), ...prop("size", e.file.size)],
            }
          : {
              href: e.url && URL.canParse(e.url) ? e.url : undefined,
              description: e.url ?? e.body?.trim() ?? e.title,
            },
      ],
    },
  }));
  const runObs = d.testRuns.map((r) => ({
    // Only the controls the run counts for: a run stale for a control is no observation of it.
    refs: r.controls.filter((ref) => !r.notCurrentFor.includes(ref)),
    obs: {
      uuid: uuid(`observation/test-run/${r.id}`),
      title: oneLine(`Test run ${r.startedAt}${r.source ? ` (${r.source})` : ""}`),
      description: `${r.passed} of ${r.tests} tests passed, ${r.failed} failed, ${r.errored} errored, ${r.skipped} skipped${r.failing.length ? `; failing: ${r.failing.map((f) => f.name).join(", ")}` : ""}.`,
      props: [...prop("commit", r.commit), ...prop("controls", r.controls.join(" "))],
      methods: ["TEST"],
      collected: r.startedAt,
      "relevant-evidence": [
        {
          href: packageHref(r.path),
          description: "The run's totals and failing tests as JSON.",
          props: prop("sha256", r.sha256),
        },
      ],
    },
  }));
  const openItems = d.backlog.filter((b) => b.open);
  const risks = openItems.map((b) => backlogRisk(b, uuid));
  const controlCriteria = new Map(d.controls.map((c) => [c.ref, c.criteria]));
  const touches = (criterion: string, refs: string[]) =>
    refs.some((ref) => controlCriteria.get(ref)?.includes(criterion));

  const findings = inScope.map((c) => {
    const obs = [...evidenceObs, ...runObs].filter((o) => touches(c.id, o.refs));
    const related = openItems.filter((b) => b.criteria.includes(c.id) || touches(c.id, b.controls));
    const satisfied = c.status === "met" || c.status === "not_applicable";
    return {
      uuid: uuid(`finding/${c.id}`),
      title: oneLine(`${c.id} ${c.title}`),
      description: findingDescription(c),
      props: prop("trustboard-status", c.status),
      target: {
        type: "objective-id",
        "target-id": c.id,
        status: {
          state: satisfied ? "satisfied" : "not-satisfied",
          reason: satisfied ? (c.status === "met" ? "pass" : "other") : "fail",
        },
      },
      "related-observations": nonEmpty(obs.map((o) => ({ "observation-uuid": o.obs.uuid }))),
      "related-risks": nonEmpty(related.map((b) => ({ "risk-uuid": uuid(`risk/${b.key}`) }))),
    };
  });

  const empty =
    d.evidence.length === 0 && d.testRuns.length === 0 && d.auditDaily.length === 0
      ? " No evidence, test runs or audit events fall inside this period."
      : "";
  return {
    "assessment-results": {
      uuid: uuid("assessment-results"),
      metadata: metadata(
        `SOC 2 assessment results: ${d.workspace.name}, ${d.period.from} to ${d.period.to}`,
        d.createdAt,
        `${d.period.from}/${d.period.to}`,
      ),
      "import-ap": {
        href: `#${uuid("resource/assessment-plan")}`,
        remarks:
          "Trustboard keeps no separate assessment plan: the scope is the workspace's categories in scope and the period of this package.",
      },
      results: [
        {
          uuid: uuid("result"),
          title: oneLine(`Trustboard status for ${d.period.from} to ${d.period.to}`),
          description: `Status of every in-scope SOC 2 criterion as Trustboard computed it when the package was created, with the evidence, test runs and open backlog items behind it.${empty}`,
          start: dayStart(d.period.from),
          end: dayEnd(d.period.to),
          "reviewed-controls": {
            "control-selections": [
              inScope.length > 0
                ? { "include-controls": inScope.map((c) => ({ "control-id": c.id })) }
                : { "include-all": {} },
            ],
          },
          observations: nonEmpty([...evidenceObs, ...runObs].map((o) => o.obs)),
          risks: nonEmpty(risks),
          findings: nonEmpty(findings),
        },
      ],
      "back-matter": {
        resources: [
          {
            uuid: uuid("resource/assessment-plan"),
            title: "Scope and period",
            description: `Categories in scope: ${d.workspace.categoriesInScope.join(", ")}. Period ${d.period.from} to ${d.period.to}.`,
          },
          {
            uuid: uuid("resource/catalog"),
            title: "Trustboard SOC 2 Trust Services Criteria catalog",
            rlinks: [{ href: "catalog.json", "media-type": "application/oscal.catalog+json" }],
          },
        ],
      },
    },
  };
}
