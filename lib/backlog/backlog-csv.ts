import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { actorRole, type Actor } from "@/lib/auth/actor";
import { toCsv } from "@/lib/export/csv";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { listBacklog } from "./backlog-queries";
import type { BacklogFilter } from "./schemas";

/** The backlog as the filters show it, for a spreadsheet. */
export async function backlogCsv(actor: Actor | null, filter: BacklogFilter): Promise<string> {
  authorize(actor, "data.export");
  const { rows } = await listBacklog(actor, filter);
  const csv = toCsv(
    [
      "key",
      "title",
      "priority",
      "severity",
      "status",
      "owner",
      "due_date",
      "overdue",
      "criteria",
      "controls",
      "checks_done",
      "origin",
    ],
    rows.map((r) => [
      r.key,
      r.title,
      r.priority,
      r.severity,
      r.status,
      r.ownerName,
      r.dueDate,
      r.overdue ? "yes" : "no",
      r.criteria.join(" "),
      r.controls.join(" "),
      r.checks,
      r.origin,
    ]),
  );
  const filters = Object.entries(filter)
    .filter(([, v]) => v !== null && v !== false)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "export.csv",
      entityType: "backlog",
      summary: `${actor.email} (${actorRole(actor)}) exported ${rows.length} backlog items as CSV${filters ? ` (${filters})` : ""}`,
    }),
  );
  return csv;
}
