"use client";
import { DataTable } from "@/components/data-table/data-table";
import { IMPLEMENTATION_LABEL } from "@/lib/controls/labels";
import { STATUS_LABEL } from "@/lib/status/labels";
import { controlsColumns, type ControlTableRow } from "./controls-columns";

export function ControlsTable({
  rows,
  owners,
  criteria,
}: {
  rows: ControlTableRow[];
  owners: string[];
  criteria: string[];
}) {
  return (
    <DataTable
      testId="controls-table"
      data={rows}
      columns={controlsColumns}
      searchLabel="Search controls"
      initialSorting={[{ id: "ref", desc: false }]}
      emptyMessage="No controls match these filters."
      filters={[
        {
          columnId: "status",
          label: "Status",
          options: Object.entries(STATUS_LABEL).map(([value, label]) => ({ value, label })),
        },
        {
          columnId: "implementation",
          label: "Implementation",
          options: Object.entries(IMPLEMENTATION_LABEL).map(([value, label]) => ({ value, label })),
        },
        { columnId: "owner", label: "Owner", options: owners.map((o) => ({ value: o, label: o })) },
        {
          columnId: "criteria",
          label: "Criterion",
          options: criteria.map((c) => ({ value: c, label: c })),
        },
      ]}
    />
  );
}
