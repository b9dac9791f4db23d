// Scans of any kind (posture, code, SARIF), newest first. Server component.
import Link from "next/link";
import { isoMinute } from "@/lib/dates";
import { SCAN_KIND_LABEL } from "@/lib/scanners/scan-labels";
import type { ScanListRow } from "@/lib/scanners/scan-queries";

export function ScanList({ scans }: { scans: ScanListRow[] }) {
  if (scans.length === 0) return <p className="text-sm text-slate-600">No scans yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="scan-list">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">When (UTC)</th>
          <th>Scanner</th>
          <th>Source</th>
          <th>Findings</th>
          <th>Since the previous scan</th>
          <th>By</th>
        </tr>
      </thead>
      <tbody>
        {scans.map((s) => (
          <tr key={s.id} className="border-t border-slate-100" data-testid="scan-row">
            <td className="py-2">
              <Link href={`/scans/${s.id}`} className="text-indigo-700 underline">
                {isoMinute(s.at)}
              </Link>
            </td>
            <td>
              {SCAN_KIND_LABEL[s.kind]}
              {s.notRepresentative && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                  not representative
                </span>
              )}
            </td>
            <td className="font-mono text-xs">{s.source}</td>
            <td>
              {s.summary.error ?? 0} errors · {s.summary.warn ?? 0} warnings · {s.summary.info ?? 0}{" "}
              notes
            </td>
            <td>
              {s.newCount} new · {s.fixedCount} fixed · {s.stillOpenCount} still open
            </td>
            <td className="text-xs text-slate-600">{s.actorEmail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
