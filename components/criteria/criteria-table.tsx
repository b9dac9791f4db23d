"use client";
import { DataTable } from "@/components/data-table/data-table";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/catalog/labels";
import type { CriterionRow } from "@/lib/criteria/list-criteria";
import { criteriaColumns } from "./criteria-columns";

export function CriteriaTable({ rows }: { rows: CriterionRow[] }) {
  return (
    <DataTable
      testId="criteria-table"
      data={rows}
      columns={criteriaColumns}
      searchLabel="Search id or title"
      initialSorting={[{ id: "id", desc: false }]}
      filters={[
        { columnId: "category", label: "Category", options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) },
        { columnId: "scope", label: "Scope", options: [{ value: "in", label: "In scope" }, { value: "out", label: "Out of scope" }] },
      ]}
    />
  );
}
