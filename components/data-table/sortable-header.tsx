// A column header that can sort: aria-sort on the cell and the arrow after the label. What a
// click does is the table's own (a link to the sorted URL, or a client-side toggle).
import type { ReactNode } from "react";

export type SortedAs = "asc" | "desc" | false;

/** The classes of the link or button inside a sortable header. */
export const SORT_CONTROL_CLASS = "inline-flex items-center gap-1 uppercase";

export function HeaderCell({
  sorted = false,
  children,
}: {
  sorted?: SortedAs;
  children: ReactNode;
}) {
  return (
    <th
      scope="col"
      className="px-4 py-2"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
    >
      {children}
    </th>
  );
}

export function SortArrow({ sorted }: { sorted: SortedAs }) {
  return <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>;
}
