// A plain GET form: the search and filters live in the URL, so paging and sorting keep them, a
// bookmark restores them, and it works from the keyboard without script. Applying starts again
// at the first page and keeps the sort.
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
    // Keyed by the URL's values: the fields are uncontrolled, and a client-side navigation to
    // other filters (or "Clear the filters") must show the new values, not keep the old ones.
    <form
      key={JSON.stringify(query)}
      method="get"
      className="flex flex-wrap items-end gap-3 text-sm"
      data-testid="evidence-filters"
    >
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
