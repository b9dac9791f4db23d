"use client";
import { DataTable } from "@/components/data-table/data-table";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/catalog/labels";
import { STATUS_LABEL } from "@/lib/status/labels";
import { criteriaColumns, type CriterionTableRow } from "./criteria-columns";

export function CriteriaTable({ rows }: { rows: CriterionTableRow[] }) {
  return (
    <DataTable
      testId="criteria-table"
      data={rows}
      columns={criteriaColumns}
      searchLabel="Search id or title"
      initialSorting={[{ id: "id", desc: false }]}
      filters={[
        {
          columnId: "status",
          label: "Status",
          options: Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label })),
        },
        {
          columnId: "category",
          label: "Category",
          options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        },
        {
          columnId: "scope",
          label: "Scope",
          options: [
            { value: "in", label: "In scope" },
            { value: "out", label: "Out of scope" },
          ],
        },
      ]}
    />
  );
}
