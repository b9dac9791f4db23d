// The markup both tables share (the client-sorted DataTable and the server-paged ServerTable):
// the toolbar with the row count, the bordered table, its header band, body rows and the row
// that stands in when nothing matches. Hook-free, so it renders on either side.
import type { ReactNode } from "react";

export function TableFrame({
  testId,
  toolbar,
  count,
  head,
  columnCount,
  empty,
  emptyMessage,
  children,
  footer,
}: {
  testId?: string;
  toolbar?: ReactNode;
  /** What the count in the toolbar says (announced to screen readers as it changes). */
  count: ReactNode;
  /** The header rows. */
  head: ReactNode;
  columnCount: number;
  /** Whether there are no body rows: the empty message then spans the table. */
  empty: boolean;
  emptyMessage: ReactNode;
  /** The body rows (TableRow). */
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-3" data-testid={testId}>
      <div className="flex flex-wrap items-end gap-3">
        {toolbar}
        <p className="ml-auto text-sm text-slate-600" aria-live="polite" data-testid="table-count">
          {count}
        </p>
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            {head}
          </thead>
          <tbody>
            {children}
            {empty && (
              <tr>
                <td colSpan={columnCount} className="px-4 py-8 text-center text-slate-500">
                  {emptyMessage}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}

export function TableRow({ children }: { children: ReactNode }) {
  return (
    <tr
      className="border-b border-slate-100 last:border-0 hover:bg-slate-50"
      data-testid="table-row"
    >
      {children}
    </tr>
  );
}

export function TableCell({ children }: { children: ReactNode }) {
  return <td className="px-4 py-2 align-top">{children}</td>;
}
