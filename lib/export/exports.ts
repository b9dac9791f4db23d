import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { actorRole, type Actor } from "@/lib/auth/actor";
import { recordActivity } from "@/lib/activity/record";
import { db } from "@/lib/db";
import { listControls } from "@/lib/controls/controls";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { listEvidence } from "@/lib/evidence/list-evidence";
import { workspaceStatus } from "@/lib/status/workspace-status";
import { toCsv } from "./csv";

export const EXPORTS = ["criteria", "controls", "evidence"] as const;
export type ExportName = (typeof EXPORTS)[number];

const firstReason = (reasons: { severity: string; text: string }[]) =>
  reasons.find((r) => r.severity !== "info")?.text ?? reasons[0]?.text ?? "";

export async function exportCsv(actor: Actor | null, name: ExportName): Promise<string> {
  authorize(actor, "data.export");
  let csv: string;
  if (name === "criteria") {
    const [rows, status] = await Promise.all([listCriteria(actor), workspaceStatus(actor)]);
    csv = toCsv(
      [
        "id",
        "category",
        "series",
        "title",
        "in_scope",
        "status",
        "overridden",
        "design",
        "operating",
        "main_reason",
      ],
      rows.map((r) => {
        const s = status.criteria.get(r.id)!;
        return [
          r.id,
          r.category,
          r.series,
          r.title,
          r.inScope,
          s.status,
          s.overridden,
          s.design,
          s.operating,
          firstReason(s.reasons),
        ];
      }),
    );
  } else if (name === "controls") {
    const [rows, status] = await Promise.all([listControls(actor), workspaceStatus(actor)]);
    csv = toCsv(
      [
        "ref",
        "title",
        "implementation",
        "owner",
        "criteria",
        "evidence_count",
        "status",
        "main_reason",
      ],
      rows.map((r) => {
        const s = status.controls.get(r.id);
        return [
          r.ref,
          r.title,
          r.implementation,
          r.ownerName,
          r.criteria.join(" "),
          r.evidenceCount,
          s?.status,
          s ? firstReason(s.reasons) : "",
        ];
      }),
    );
  } else {
    const rows = await listEvidence(actor);
    csv = toCsv(
      [
        "title",
        "kind",
        "review_state",
        "evidence_date",
        "expires",
        "controls",
        "criteria",
        "revisions",
      ],
      rows.map((r) => [
        r.title,
        r.kind,
        r.state,
        r.evidenceDate,
        r.expiresOn,
        r.controls,
        r.criteria,
        r.revisions,
      ]),
    );
  }
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "export.csv",
      entityType: name,
      summary: `${actor.email} (${actorRole(actor)}) exported ${name} as CSV`,
    }),
  );
  return csv;
}
