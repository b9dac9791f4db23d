// The evidence library's search and filters (a FilterForm: they live in the URL).
import { FilterForm } from "@/components/ui/filter-form";
import { REVIEW_LABEL } from "@/lib/evidence/labels";
import type { EvidenceListQuery } from "@/lib/evidence/schemas";

const box = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function Choice({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={box} data-testid={`filter-${name}`}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function EvidenceFilters({
  query,
  controls,
  criteria,
}: {
  query: EvidenceListQuery;
  controls: string[];
  criteria: string[];
}) {
  const list = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <FilterForm query={query} testId="evidence-filters">
      <label className="flex flex-col gap-1">
        <span className="font-medium text-slate-700">Search evidence</span>
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          data-testid="table-search"
          className="w-64 rounded-md border border-slate-300 bg-white px-3 py-1.5"
        />
      </label>
      <Choice
        name="kind"
        label="Kind"
        value={query.kind}
        options={list(["file", "link", "note", "automated"])}
      />
      <Choice
        name="state"
        label="Review"
        value={query.state}
        options={Object.entries(REVIEW_LABEL).map(([value, label]) => ({ value, label }))}
      />
      <Choice name="control" label="Control" value={query.control} options={list(controls)} />
      <Choice name="criterion" label="Criterion" value={query.criterion} options={list(criteria)} />
      <Choice
        name="expiry"
        label="Expiring"
        value={query.expiry}
        options={[
          { value: "expired", label: "Already expired" },
          { value: "7", label: "Within 7 days" },
          { value: "30", label: "Within 30 days" },
          { value: "90", label: "Within 90 days" },
        ]}
      />
    </FilterForm>
  );
}
