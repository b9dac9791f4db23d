import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";

// The features every Trustboard table uses: sorting, column filters and a text search.
export const tableFeatureSet = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
});

export type TableFeatureSet = typeof tableFeatureSet;

/** Filter for a column holding a ", "-joined list: exact item match (so "C1.1" does not match "CC1.1"). */
export function listHas(
  row: { getValue: (id: string) => unknown },
  columnId: string,
  value: string,
): boolean {
  return String(row.getValue(columnId) ?? "")
    .split(", ")
    .includes(value);
}
