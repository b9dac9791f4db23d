import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { listHas, type TableFeatureSet } from "@/components/data-table/features";
import { StatusBadge } from "@/components/status/status-badge";
import { IMPLEMENTATION_LABEL } from "@/lib/controls/labels";
import type { ImplementationStatus } from "@/lib/generated/prisma/enums";
import type { Status } from "@/lib/status/types";

export interface ControlTableRow {
  id: string;
  ref: string;
  title: string;
  status: Status;
  overridden: boolean;
  implementation: ImplementationStatus;
  owner: string;
  criteria: string;
  evidenceCount: number;
}

export const controlsColumns: ColumnDef<TableFeatureSet, ControlTableRow>[] = [
  { accessorKey: "ref", header: "Ref", sortFn: "alphanumeric" },
  {
    accessorKey: "title",
    header: "Control",
    sortFn: "text",
    cell: (info) => (
      <Link
        href={`/controls/${info.row.original.id}`}
        className="font-medium text-indigo-700 hover:underline"
      >
        {info.row.original.title}
      </Link>
    ),
  },
  {
    accessorKey: "status",
    header: "Status",
    filterFn: "equalsString",
    cell: (info) => (
      <StatusBadge status={info.row.original.status} overridden={info.row.original.overridden} />
    ),
  },
  {
    accessorKey: "implementation",
    header: "Implementation",
    filterFn: "equalsString",
    cell: (info) => IMPLEMENTATION_LABEL[info.row.original.implementation],
  },
  { accessorKey: "owner", header: "Owner", filterFn: "equalsString" },
  { accessorKey: "criteria", header: "Criteria", filterFn: listHas, sortFn: "alphanumeric" },
  { accessorKey: "evidenceCount", header: "Evidence", sortFn: "basic" },
];
