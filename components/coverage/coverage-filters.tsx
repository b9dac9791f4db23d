// A plain GET form: filters live in the URL so the page, a bookmark and the CSV export agree.
import { OwnerSelect } from "@/components/ui/form";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/catalog/labels";
import { FREQUENCIES, FREQUENCY_LABEL, type Frequency } from "@/lib/coverage/frequency";
import type { CoverageFilter } from "@/lib/coverage/schemas";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function CoverageFilters({
  filter,
  owners,
  criteria,
  frequencies,
}: {
  filter: CoverageFilter;
  owners: { id: string; name: string }[];
  criteria: string[];
  frequencies: Frequency[];
}) {
  return (
    <form
      method="get"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      data-testid="coverage-filters"
    >
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Criterion</span>
        <select
          name="criterion"
          defaultValue={filter.criterion ?? ""}
          className={box}
          data-testid="filter-criterion"
        >
          <option value="">All</option>
          {criteria.map((c) => (
            <option key={c} value={c}>
              {c}
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
        <span className="text-slate-700">Frequency</span>
        <select
          name="frequency"
          defaultValue={filter.frequency ?? ""}
          className={box}
          data-testid="filter-frequency"
        >
          <option value="">Any</option>
          {FREQUENCIES.filter((f) => frequencies.includes(f) || f === filter.frequency).map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-slate-700">Category</span>
        <select
          name="category"
          defaultValue={filter.category ?? ""}
          className={box}
          data-testid="filter-category"
        >
          <option value="">All</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700"
      >
        Filter
      </button>
    </form>
  );
}
