import type { ActivityFilter } from "@/lib/activity/schemas";

const input = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

// A plain GET form: filters live in the URL, so a filtered view can be bookmarked or shared.
export function ActivityFilters({
  filter,
  actions,
}: {
  filter: ActivityFilter;
  actions: string[];
}) {
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3"
      data-testid="activity-filters"
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Action</span>
        <select
          name="action"
          defaultValue={filter.action ?? ""}
          className={input}
          data-testid="filter-action"
        >
          <option value="">All</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Actor</span>
        <input
          name="actor"
          defaultValue={filter.actor ?? ""}
          placeholder="email contains…"
          className={input}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">Record type</span>
        <input
          name="entity"
          defaultValue={filter.entity ?? ""}
          placeholder="user, workspace…"
          className={input}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">From</span>
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium text-slate-700">To</span>
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={input} />
      </label>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-4 py-1.5 text-sm font-medium hover:bg-slate-100"
      >
        Apply filters
      </button>
    </form>
  );
}
