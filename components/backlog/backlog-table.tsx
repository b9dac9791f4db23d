"use client";
import { DataTable } from "@/components/data-table/data-table";
import type { BacklogRow } from "@/lib/backlog/backlog-queries";
import { backlogColumns } from "./backlog-columns";

export function BacklogTable({ rows }: { rows: BacklogRow[] }) {
  return (
    <DataTable
      testId="backlog-table"
      data={rows}
      columns={backlogColumns}
      searchLabel="Search the backlog"
      initialSorting={[{ id: "priority", desc: false }]}
      emptyMessage="No items match this search."
    />
  );
}
