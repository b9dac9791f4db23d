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
    <div className="flex flex-col gap-3" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3">
        {toolbar}
        <p className="ml-auto text-sm text-slate-600" aria-live="polite" data-testid="table-count">
          {showingText(slice)}
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              {columns.map((c) => {
                const active = c.sortKey !== undefined && sort.key === c.sortKey;
                // A click on the sorted column flips it; on another one it sorts ascending.
                const next = active && sort.dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className="px-4 py-2"
                    aria-sort={
                      active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined
                    }
                  >
                    {c.sortKey ? (
                      <Link
                        href={listHref(path, params, { sort: c.sortKey, dir: next, page: null })}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                        data-testid={`sort-${c.id}`}
                      >
                        {c.header}
                        <span aria-hidden="true">
                          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={rowKey(row)}
                className="border-b border-slate-100 last:border-0 hover:bg-slate-50"
                data-testid="table-row"
              >
                {columns.map((c) => (
                  <td key={c.id} className="px-4 py-2 align-top">
                    {c.cell(row)}
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
      {slice.pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm" data-testid="pager">
          {slice.page > 1 ? (
            <Link
              href={pageLink(slice.page - 1)}
              rel="prev"
              className={PAGER}
              data-testid="page-prev"
            >
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
            <Link
              href={pageLink(slice.page + 1)}
              rel="next"
              className={PAGER}
              data-testid="page-next"
            >
              Next →
            </Link>
          ) : (
            <span className={`${PAGER} opacity-50`} aria-disabled="true">
              Next →
            </span>
          )}
        </nav>
      )}
    </div>
  );
}

const PAGER =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100";
