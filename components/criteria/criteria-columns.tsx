import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { TableFeatureSet } from "@/components/data-table/features";
import { StatusBadge } from "@/components/status/status-badge";
import { CATEGORY_LABELS } from "@/lib/catalog/labels";
import type { CriterionRow } from "@/lib/criteria/list-criteria";
import type { Status } from "@/lib/status/types";

export type CriterionTableRow = CriterionRow & { status: Status; overridden: boolean };

export const criteriaColumns: ColumnDef<TableFeatureSet, CriterionTableRow>[] = [
  {
    accessorKey: "id",
    header: "Criterion",
    sortFn: (a, b) => a.original.sortOrder - b.original.sortOrder,
    cell: (info) => (
      <Link
        href={`/criteria/${info.row.original.id}`}
        className="font-semibold text-indigo-700 hover:underline"
      >
        {info.row.original.id}
      </Link>
    ),
  },
  { accessorKey: "title", header: "Title", sortFn: "text" },
  {
    accessorKey: "status",
    header: "Status",
    filterFn: "equalsString",
    cell: (info) => (
      <StatusBadge
        status={info.row.original.status}
        overridden={info.row.original.overridden}
        testId={`status-${info.row.original.id}`}
      />
    ),
  },
  {
    accessorKey: "category",
    header: "Category",
    filterFn: "equalsString",
    cell: (info) => CATEGORY_LABELS[info.row.original.category],
  },
  { accessorKey: "series", header: "Series", sortFn: "alphanumeric" },
  {
    id: "scope",
    accessorFn: (row) => (row.inScope ? "in" : "out"),
    header: "Scope",
    filterFn: "equalsString",
    cell: (info) =>
      info.row.original.inScope ? (
        <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
          In scope
        </span>
      ) : (
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
          Out of scope
        </span>
      ),
  },
];
