// oscal/poam.json: the plan of action and milestones from open backlog items and those closed
// during the period: priority, due date and status as properties, the remediation checklist as
// milestones of the item's remediation.
import type { PackageBacklogItem, PackageData } from "../types";
import { backlogRisk } from "./assessment-results";
import { dayEnd, metadata, nonEmpty, oneLine, prop } from "./common";

/** Open items, and closed ones whose resolution or verification falls in or after the period. */
export function poamItems(d: Pick<PackageData, "backlog" | "period">): PackageBacklogItem[] {
  const since = `${d.period.from}T00:00:00.000Z`;
  return d.backlog.filter((b) => b.open || (b.verifiedAt ?? b.resolvedAt ?? "") >= since);
}

export function oscalPoam(d: PackageData, uuid: (name: string) => string) {
  const items = poamItems(d);
  const risks = items.map((b) => ({
    ...backlogRisk(b, uuid),
    remediations: [
      {
        uuid: uuid(`remediation/${b.key}`),
        lifecycle: b.open ? "planned" : "completed",
        title: oneLine(`Remediation of ${b.key}`),
        description: b.checks.length
          ? `${b.checks.filter((c) => c.done).length} of ${b.checks.length} checklist steps done.`
          : "No checklist.",
        tasks: nonEmpty(
          b.checks.map((c, i) => ({
            uuid: uuid(`milestone/${b.key}/${i}`),
            type: "milestone",
            title: oneLine(c.text),
            props: prop("state", c.done ? "done" : "pending"),
            timing: b.dueDate ? { "on-date": { date: dayEnd(b.dueDate) } } : undefined,
          })),
        ),
      },
    ],
  }));
  const poamEntries = items.length
    ? items.map((b) => ({
        uuid: uuid(`poam-item/${b.key}`),
        title: oneLine(`${b.key}: ${b.title}`),
        description: b.description.trim() || b.title,
        props: [
          ...prop("priority", b.priority),
          ...prop("backlog-status", b.status),
          ...prop("due-date", b.dueDate),
          ...prop("owner", b.owner),
        ],
        "related-risks": [{ "risk-uuid": uuid(`risk/${b.key}`) }],
      }))
    : // OSCAL requires at least one item: a period with nothing to remediate says so.
      [
        {
          uuid: uuid("poam-item/none"),
          title: "No open or recently closed backlog items",
          description: `Nothing to remediate was open during ${d.period.from} to ${d.period.to}.`,
        },
      ];
  return {
    "plan-of-action-and-milestones": {
      uuid: uuid("poam"),
      metadata: metadata(
        `Plan of action and milestones: ${d.workspace.name}, ${d.period.from} to ${d.period.to}`,
        d.createdAt,
        `${d.period.from}/${d.period.to}`,
      ),
      "system-id": { "identifier-type": "urn:trustboard:workspace", id: oneLine(d.workspace.name) },
      risks: nonEmpty(risks),
      "poam-items": poamEntries,
    },
  };
}
