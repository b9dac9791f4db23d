export interface EvidenceOption {
  id: string;
  title: string;
}

export function EvidenceSelect({
  id,
  options,
  value,
  label = "Evidence (optional)",
}: {
  id: string;
  options: EvidenceOption[];
  value?: string | null;
  label?: string;
}) {
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm">
      <span className="font-medium text-slate-700">{label}</span>
      <select
        id={id}
        name="evidenceId"
        defaultValue={value ?? ""}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        data-testid={id}
      >
        <option value="">None</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </label>
  );
}
