import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { listHas, type TableFeatureSet } from "@/components/data-table/features";
import type { BacklogRow } from "@/lib/backlog/backlog-queries";
import { STATUS_LABEL, type BacklogStatus } from "@/lib/backlog/workflow";
import { PriorityBadge } from "./priority-badge";

export const backlogColumns: ColumnDef<TableFeatureSet, BacklogRow>[] = [
  {
    accessorKey: "key",
    header: "Key",
    sortFn: "alphanumeric",
    cell: (info) => (
      <Link
        href={`/backlog/${info.row.original.key}`}
        className="whitespace-nowrap font-mono font-semibold text-indigo-700 hover:underline"
      >
        {info.row.original.key}
      </Link>
    ),
  },
  { accessorKey: "title", header: "Title", sortFn: "text" },
  {
    accessorKey: "priority",
    header: "Priority",
    sortFn: "alphanumeric",
    cell: (info) => <PriorityBadge priority={info.row.original.priority} />,
  },
  {
    accessorKey: "status",
    header: "Status",
    cell: (info) => STATUS_LABEL[info.row.original.status as BacklogStatus],
  },
  { accessorKey: "ownerName", header: "Owner", cell: (info) => info.row.original.ownerName ?? "—" },
  {
    accessorKey: "dueDate",
    header: "Due",
    sortFn: "alphanumeric",
    cell: (info) =>
      info.row.original.dueDate ? (
        <span
          className={info.row.original.overdue ? "font-semibold text-red-700" : ""}
          data-overdue={info.row.original.overdue ? "true" : undefined}
        >
          {info.row.original.dueDate}
          {info.row.original.overdue && " · overdue"}
        </span>
      ) : (
        "—"
      ),
  },
  {
    accessorKey: "criteria",
    header: "Criteria",
    filterFn: listHas,
    cell: (info) => info.row.original.criteria.join(", "),
  },
  { accessorKey: "checks", header: "Checks" },
];
