import { LIKELIHOOD_LABEL, riskSchema } from "@/lib/backlog/schemas";

export function RiskTable({ before, after }: { before: unknown; after: unknown }) {
  const rows = [
    ["Before", riskSchema.safeParse(before).data],
    ["After", riskSchema.safeParse(after).data],
  ] as const;
  if (rows.every(([, r]) => !r))
    return (
      <p className="text-sm text-slate-600">
        No risk assessment recorded. Edit the item to add likelihood, impact and CVSS before and
        after the fix.
      </p>
    );
  return (
    <table className="w-full text-left text-sm [&_td]:px-2 [&_th]:px-2" data-testid="risk-table">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1" />
          <th>Risk</th>
          <th>Likelihood</th>
          <th>Impact</th>
          <th>CVSS</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, r]) => (
          <tr key={label} className="border-t border-slate-100">
            <th className="py-2 font-medium">{label}</th>
            <td>{r?.risk || "—"}</td>
            <td>{r ? LIKELIHOOD_LABEL[r.likelihood] : "—"}</td>
            <td>{r?.impact ?? "—"}</td>
            <td>{r?.cvss ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
