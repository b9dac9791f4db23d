// A plain GET form: filters live in the URL so the page, a bookmark and the CSV export agree
// (and paging and sorting keep them).
import type { BacklogListQuery } from "@/lib/backlog/schemas";
import { OwnerSelect } from "@/components/ui/form";
import { STATUSES, STATUS_LABEL } from "@/lib/backlog/workflow";
import { PriorityOptions } from "./priority-badge";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function BacklogFilters({
  filter,
  owners,
  criteria,
}: {
  filter: BacklogListQuery;
  owners: { id: string; name: string }[];
  criteria: string[];
}) {
  return (
    // Keyed by the URL's values: the fields are uncontrolled, and a client-side navigation to
    // other filters (or "Clear the filters") must show the new values, not keep the old ones.
    <form
      key={JSON.stringify(filter)}
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      data-testid="backlog-filters"
    >
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Search the backlog</span>
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          className={`${box} w-56`}
          data-testid="table-search"
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Priority</span>
        <select
          name="priority"
          defaultValue={filter.priority ?? ""}
          className={box}
          data-testid="filter-priority"
        >
          <option value="">All</option>
          <PriorityOptions />
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Status</span>
        <select
          name="status"
          defaultValue={filter.status ?? ""}
          className={box}
          data-testid="filter-status"
        >
          <option value="">All</option>
          <option value="active">Open (not done)</option>
          <option value="closed">Closed</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <OwnerSelect
        owners={owners}
        defaultValue={filter.owner ?? ""}
        testId="filter-owner"
        name="owner"
        emptyLabel="Anyone"
      />
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Criterion</span>
        <select
          name="criterion"
          defaultValue={filter.criterion ?? ""}
          className={box}
          data-testid="filter-criterion"
        >
          <option value="">Any</option>
          {criteria.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-2">
        <input
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={filter.overdue}
          data-testid="filter-overdue"
        />
        Overdue only
      </label>
      {/* Applying starts again at the first page and keeps the sort. */}
      {filter.sort && <input type="hidden" name="sort" value={filter.sort} />}
      {filter.dir && <input type="hidden" name="dir" value={filter.dir} />}
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
