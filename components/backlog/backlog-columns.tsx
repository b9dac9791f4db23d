import Link from "next/link";
import type { ServerColumn } from "@/components/data-table/server-table";
import type { BacklogRow } from "@/lib/backlog/backlog-queries";
import { STATUS_LABEL, type BacklogStatus } from "@/lib/backlog/workflow";
import { PriorityBadge } from "./priority-badge";

export const backlogColumns: ServerColumn<BacklogRow>[] = [
  {
    id: "key",
    header: "Key",
    sortKey: "key",
    cell: (r) => (
      <Link
        href={`/backlog/${r.key}`}
        className="whitespace-nowrap font-mono font-semibold text-indigo-700 hover:underline"
      >
        {r.key}
      </Link>
    ),
  },
  { id: "title", header: "Title", sortKey: "title", cell: (r) => r.title },
  {
    id: "priority",
    header: "Priority",
    sortKey: "priority",
    cell: (r) => <PriorityBadge priority={r.priority} />,
  },
  {
    id: "status",
    header: "Status",
    sortKey: "status",
    cell: (r) => STATUS_LABEL[r.status as BacklogStatus],
  },
  { id: "ownerName", header: "Owner", sortKey: "owner", cell: (r) => r.ownerName ?? "—" },
  {
    id: "dueDate",
    header: "Due",
    sortKey: "due",
    cell: (r) =>
      r.dueDate ? (
        <span
          className={r.overdue ? "font-semibold text-red-700" : ""}
          data-overdue={r.overdue ? "true" : undefined}
        >
          {r.dueDate}
          {r.overdue && " · overdue"}
        </span>
      ) : (
        "—"
      ),
  },
  { id: "criteria", header: "Criteria", cell: (r) => r.criteria.join(", ") },
  { id: "checks", header: "Checks", cell: (r) => r.checks },
];
