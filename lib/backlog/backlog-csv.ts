import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { toCsv } from "@/lib/export/csv";
import { listBacklog } from "./backlog-queries";
import type { BacklogFilter } from "./schemas";

/** The backlog as the filters show it, for a spreadsheet. */
export async function backlogCsv(actor: SessionUser | null, filter: BacklogFilter): Promise<string> {
  const { rows } = await listBacklog(actor, filter);
  return toCsv(
    ["key", "title", "priority", "severity", "status", "owner", "due_date", "overdue", "criteria", "controls", "checks_done", "origin"],
    rows.map((r) => [r.key, r.title, r.priority, r.severity, r.status, r.ownerName, r.dueDate, r.overdue ? "yes" : "no", r.criteria.join(" "), r.controls.join(" "), r.checks, r.origin]),
  );
}
