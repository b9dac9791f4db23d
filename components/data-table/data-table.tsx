"use client";
import { useState } from "react";
import {
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
  type SortingState,
} from "@tanstack/react-table";
import { tableFeatureSet, type TableFeatureSet } from "./features";
import { HeaderCell, SORT_CONTROL_CLASS, SortArrow } from "./sortable-header";
import { TableCell, TableFrame, TableRow } from "./table-frame";

export interface ColumnFilterOption {
  columnId: string;
  label: string;
  options: { value: string; label: string }[];
}

export function DataTable<T extends object>({
  data,
  columns,
  filters = [],
  searchLabel = "Search",
  initialSorting = [],
  testId,
  emptyMessage = "Nothing matches these filters.",
}: {
  data: T[];
  columns: ColumnDef<TableFeatureSet, T>[];
  filters?: ColumnFilterOption[];
  searchLabel?: string;
  initialSorting?: SortingState;
  testId?: string;
  emptyMessage?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState("");
  const table = useTable({
    features: tableFeatureSet,
    columns,
    data,
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: "includesString",
  });
  const rows = table.getRowModel().rows;

  return (
    <TableFrame
      testId={testId}
      toolbar={
        <>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{searchLabel}</span>
            <input
              type="search"
              value={globalFilter}
              onChange={(e) => setGlobalFilter(e.target.value)}
              data-testid="table-search"
              className="w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5"
            />
          </label>
          {filters.map((f) => (
            <label key={f.columnId} className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-slate-700">{f.label}</span>
              <select
                data-testid={`filter-${f.columnId}`}
                value={(table.getColumn(f.columnId)?.getFilterValue() as string | undefined) ?? ""}
                onChange={(e) =>
                  table.getColumn(f.columnId)?.setFilterValue(e.target.value || undefined)
                }
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
              >
                <option value="">All</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </>
      }
      count={`${rows.length} of ${data.length}`}
      columnCount={columns.length}
      empty={rows.length === 0}
      emptyMessage={emptyMessage}
      head={table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <HeaderCell key={header.id} sorted={sorted}>
                {header.column.getCanSort() ? (
                  <button
                    type="button"
                    onClick={header.column.getToggleSortingHandler()}
                    className={SORT_CONTROL_CLASS}
                    data-testid={`sort-${header.column.id}`}
                  >
                    <table.FlexRender header={header} />
                    <SortArrow sorted={sorted} />
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
              </HeaderCell>
            );
          })}
        </tr>
      ))}
    >
      {rows.map((row) => (
        <TableRow key={row.id}>
          {row.getAllCells().map((cell) => (
            <TableCell key={cell.id}>
              <table.FlexRender cell={cell} />
            </TableCell>
          ))}
        </TableRow>
      ))}
    </TableFrame>
  );
}
