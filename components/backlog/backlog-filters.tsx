// The backlog's search and filters (a FilterForm: they live in the URL, so the page, a bookmark
// and the CSV export agree).
import { FilterForm } from "@/components/ui/filter-form";
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
    <FilterForm query={filter} testId="backlog-filters" className="mb-4">
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
    </FilterForm>
  );
}
