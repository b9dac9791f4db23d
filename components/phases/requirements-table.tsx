import Link from "next/link";
import type { PhaseDetail } from "@/lib/phases/phase-queries";
import { VERDICT_LABEL, requirementCoverage } from "@/lib/phases/phase-status";

export function RequirementsTable({
  requirements,
  mustHaves,
}: {
  requirements: PhaseDetail["requirements"];
  mustHaves: PhaseDetail["mustHaves"];
}) {
  if (requirements.length === 0)
    return (
      <p className="text-sm text-slate-600">
        No requirement ids yet. Edit the phase to list what it delivers (for example TENANT-01
        mapped to CC6.1) so its gaps count against those criteria.
      </p>
    );
  return (
    <table className="w-full text-left text-sm" data-testid="requirements">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1">Requirement</th>
          <th>Criteria</th>
          <th>Coverage</th>
        </tr>
      </thead>
      <tbody>
        {requirements.map((r) => {
          const coverage = requirementCoverage(r.code, mustHaves);
          return (
            <tr key={r.code} className="border-t border-slate-100 align-top">
              <td className="py-2">
                <span className="font-mono font-semibold">{r.code}</span> {r.description}
                {r.note && <p className="text-xs text-slate-500">{r.note}</p>}
              </td>
              <td className="py-2">
                {r.criteria.map((c) => (
                  <Link key={c} href={`/criteria/${c}`} className="mr-1 text-indigo-700 underline">
                    {c}
                  </Link>
                ))}
              </td>
              <td className="py-2 text-xs">
                {coverage ? VERDICT_LABEL[coverage] : "No must-have names it"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
