// A table whose rows are one page of a list filtered, sorted and paged by the server: sorting
// and paging are links (the state lives in the URL, so a bookmark, the back button and the
// keyboard all work), and the count says how many rows the whole list holds.
import Link from "next/link";
import type { ReactNode } from "react";
import {
  listHref,
  showingText,
  type PageWindow,
  type SortState,
  type UrlParams,
} from "@/lib/paging/page-window";
import { HeaderCell, SORT_CONTROL_CLASS, SortArrow } from "./sortable-header";
import { TableCell, TableFrame, TableRow } from "./table-frame";

export interface ServerColumn<T> {
  id: string;
  header: string;
  /** Present when the server can sort the whole list by this column. */
  sortKey?: string;
  cell: (row: T) => ReactNode;
}

export function ServerTable<T>({
  path,
  params,
  rows,
  rowKey,
  columns,
  sort,
  slice,
  testId,
  emptyMessage = "Nothing matches these filters.",
  toolbar,
}: {
  path: string;
  /** The list's current URL parameters (filters, sort), page excluded. */
  params: UrlParams;
  rows: T[];
  rowKey: (row: T) => string;
  columns: ServerColumn<T>[];
  sort: SortState<string>;
  slice: PageWindow;
  testId?: string;
  emptyMessage?: ReactNode;
  toolbar?: ReactNode;
}) {
  const pageLink = (page: number) =>
    listHref(path, params, { page: page === 1 ? null : String(page) });
  return (
    <TableFrame
      testId={testId}
      toolbar={toolbar}
      count={showingText(slice)}
      columnCount={columns.length}
      empty={rows.length === 0}
      emptyMessage={emptyMessage}
      head={
        <tr>
          {columns.map((c) => {
            const sorted = c.sortKey !== undefined && sort.key === c.sortKey && sort.dir;
            // A click on the sorted column flips it; on another one it sorts ascending.
            const next = sorted === "asc" ? "desc" : "asc";
            return (
              <HeaderCell key={c.id} sorted={sorted}>
                {c.sortKey ? (
                  <Link
                    href={listHref(path, params, { sort: c.sortKey, dir: next, page: null })}
                    className={`${SORT_CONTROL_CLASS} hover:text-slate-900`}
                    data-testid={`sort-${c.id}`}
                  >
                    {c.header}
                    <SortArrow sorted={sorted} />
                  </Link>
                ) : (
                  c.header
                )}
              </HeaderCell>
            );
          })}
        </tr>
      }
      footer={slice.pages > 1 && <Pager slice={slice} pageLink={pageLink} />}
    >
      {rows.map((row) => (
        <TableRow key={rowKey(row)}>
          {columns.map((c) => (
            <TableCell key={c.id}>{c.cell(row)}</TableCell>
          ))}
        </TableRow>
      ))}
    </TableFrame>
  );
}

export function Pager({
  slice,
  pageLink,
}: {
  slice: PageWindow;
  pageLink: (page: number) => string;
}) {
  return (
    <nav aria-label="Pages" className="flex items-center gap-3 text-sm" data-testid="pager">
      {slice.page > 1 ? (
        <Link href={pageLink(slice.page - 1)} rel="prev" className={PAGER} data-testid="page-prev">
          ← Previous
        </Link>
      ) : (
        <span className={`${PAGER} opacity-50`} aria-disabled="true">
          ← Previous
        </span>
      )}
      <span className="text-slate-600" data-testid="page-number">
        Page {slice.page.toLocaleString("en")} of {slice.pages.toLocaleString("en")}
      </span>
      {slice.page < slice.pages ? (
        <Link href={pageLink(slice.page + 1)} rel="next" className={PAGER} data-testid="page-next">
          Next →
        </Link>
      ) : (
        <span className={`${PAGER} opacity-50`} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}

const PAGER =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100";
