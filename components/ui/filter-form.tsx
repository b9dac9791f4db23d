// The shell of a list's filters: a plain GET form, so the search and filters live in the URL
// (paging and sorting keep them, a bookmark restores them, and it works from the keyboard without
// script). Applying starts again at the first page and keeps the sort.
import type { ReactNode } from "react";

export function FilterForm({
  query,
  testId,
  className = "",
  children,
}: {
  /** The list's current query: it keys the form (see below) and gives the sort to keep. */
  query: { sort?: string | null; dir?: string | null };
  testId: string;
  /** Classes added to the form's own (spacing around it). */
  className?: string;
  /** The fields. */
  children: ReactNode;
}) {
  return (
    // Keyed by the URL's values: the fields are uncontrolled, and a client-side navigation to
    // other filters (or "Clear the filters") must show the new values, not keep the old ones.
    <form
      key={JSON.stringify(query)}
      method="get"
      className={`${className} flex flex-wrap items-end gap-3 text-sm`.trim()}
      data-testid={testId}
    >
      {children}
      {query.sort && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir && <input type="hidden" name="dir" value={query.dir} />}
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
        data-testid="apply-filters"
      >
        Apply
      </button>
    </form>
  );
}
