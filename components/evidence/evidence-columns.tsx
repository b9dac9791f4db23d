import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import { listHas, type TableFeatureSet } from "@/components/data-table/features";
import { REVIEW_LABEL } from "@/lib/evidence/labels";
import type { EvidenceRow } from "@/lib/evidence/list-evidence";

export const evidenceColumns: ColumnDef<TableFeatureSet, EvidenceRow>[] = [
  {
    accessorKey: "title",
    header: "Evidence",
    sortFn: "text",
    cell: (info) => (
      <Link
        href={`/evidence/${info.row.original.id}`}
        className="font-medium text-indigo-700 hover:underline"
      >
        {info.row.original.title}
      </Link>
    ),
  },
  { accessorKey: "kind", header: "Kind", filterFn: "equalsString" },
  {
    accessorKey: "state",
    header: "Review",
    filterFn: "equalsString",
    cell: (info) => REVIEW_LABEL[info.row.original.state],
  },
  { accessorKey: "evidenceDate", header: "Date", sortFn: "alphanumeric" },
  {
    id: "expiry",
    accessorFn: (r) =>
      r.daysToExpiry === null
        ? "never"
        : r.daysToExpiry < 0
          ? "expired"
          : r.daysToExpiry <= 30
            ? "30"
            : r.daysToExpiry <= 90
              ? "90"
              : "later",
    header: "Expires",
    filterFn: (row, _id, value: string) => {
      const d = row.original.daysToExpiry;
      return value === "expired" ? d !== null && d < 0 : d !== null && d >= 0 && d <= Number(value);
    },
    sortFn: (a, b) => (a.original.daysToExpiry ?? 1e9) - (b.original.daysToExpiry ?? 1e9),
    cell: (info) => info.row.original.expiresOn ?? "—",
  },
  { accessorKey: "controls", header: "Controls", filterFn: listHas },
  { accessorKey: "criteria", header: "Criteria", filterFn: listHas },
];
