"use client";
import { useState } from "react";
import {
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
  type SortingState,
} from "@tanstack/react-table";
import { tableFeatureSet, type TableFeatureSet } from "./features";

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
    <div className="flex flex-col gap-3" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3">
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
        <p className="ml-auto text-sm text-slate-600" aria-live="polite" data-testid="table-count">
          {rows.length} of {data.length}
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-4 py-2"
                      aria-sort={
                        sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : undefined
                      }
                    >
                      {canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase"
                          data-testid={`sort-${header.column.id}`}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                className="border-b border-slate-100 last:border-0 hover:bg-slate-50"
                data-testid="table-row"
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-2 align-top">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-4 py-8 text-center text-slate-500">
                  {emptyMessage}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
