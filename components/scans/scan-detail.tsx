// One scan of any kind: its report and hash, the diff with the previous scan, every finding
// with its backlog item, and what the scan no longer finds. Server component.
import Link from "next/link";
import { STATUS_LABEL } from "@/lib/backlog/workflow";
import type { ScanDetail } from "@/lib/scanners/scan-queries";
import { LevelBadge } from "./level-badge";
import { DownloadButton } from "@/components/ui/download-button";

const card = "rounded-xl border border-slate-200 bg-white p-6 text-sm";

function ItemLink({ item }: { item: { key: string; status: keyof typeof STATUS_LABEL } | null }) {
  if (!item) return <span className="text-slate-500">—</span>;
  return (
    <span data-testid="finding-item">
      <Link href={`/backlog/${item.key}`} className="text-indigo-700 underline">
        {item.key}
      </Link>{" "}
      <span className="text-xs text-slate-600" data-testid="finding-item-status">
        {STATUS_LABEL[item.status]}
      </span>
    </span>
  );
}

export function ScanDetailView({ scan }: { scan: ScanDetail }) {
  const newCount = scan.findings.filter((f) => f.isNew).length;
  return (
    <div className="flex flex-col gap-6">
      <section className={card}>
        {scan.notRepresentative && (
          <p
            className="mb-3 rounded-md bg-amber-50 p-2 text-amber-900"
            data-testid="not-representative"
          >
            Not representative: this scan connected as a superuser (embedded PGlite), which bypasses
            row-level security.
          </p>
        )}
        <p data-testid="scan-diff">
          <strong>{newCount}</strong> new · <strong>{scan.fixed.length}</strong> fixed ·{" "}
          <strong>{scan.stillOpen}</strong> still open since the previous scan of this source.
        </p>
        <div className="mt-2 text-slate-600">
          Report{" "}
          {scan.evidenceId ? (
            <DownloadButton action={`/api/evidence/${scan.evidenceId}/revisions/1`}>
              {scan.reportFileName}
            </DownloadButton>
          ) : (
            scan.reportFileName
          )}{" "}
          <span className="break-all font-mono text-xs" data-testid="report-sha256">
            SHA-256 {scan.reportSha256}
          </span>
          {scan.evidenceId && (
            <>
              {" · "}
              <Link href={`/evidence/${scan.evidenceId}`} className="text-indigo-700 underline">
                evidence
              </Link>
            </>
          )}
        </div>
      </section>
      <section className={card}>
        <h2 className="mb-3 font-semibold">Findings ({scan.findings.length})</h2>
        {scan.findings.length === 0 ? (
          <p className="text-slate-600">Nothing found.</p>
        ) : (
          <table className="w-full text-left" data-testid="findings">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">Level</th>
                <th>Check</th>
                <th>Object</th>
                <th>Finding</th>
                <th>Criteria</th>
                <th>Backlog</th>
              </tr>
            </thead>
            <tbody>
              {scan.findings.map((f) => (
                <tr
                  key={f.key}
                  className="border-t border-slate-100 align-top"
                  data-testid="finding"
                  data-key={f.key}
                >
                  <td className="py-2">
                    <LevelBadge level={f.level} />
                    {f.isNew && (
                      <span className="ml-1 text-xs font-semibold text-indigo-700">new</span>
                    )}
                  </td>
                  <td className="font-mono text-xs">{f.check}</td>
                  <td className="break-all font-mono text-xs">
                    {f.object}
                    {f.file && (
                      <div className="text-slate-500">
                        {f.file}
                        {f.line ? `:${f.line}` : ""}
                      </div>
                    )}
                  </td>
                  <td>
                    {f.message}
                    {f.remediation && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-indigo-700">
                          Remediation
                        </summary>
                        <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                          {f.remediation}
                        </pre>
                      </details>
                    )}
                  </td>
                  <td className="text-xs">{f.criteria.join(", ")}</td>
                  <td>
                    <ItemLink item={f.item} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {scan.fixed.length > 0 && (
        <section className={card}>
          <h2 className="mb-3 font-semibold">No longer found ({scan.fixed.length})</h2>
          <ul className="flex flex-col gap-1" data-testid="fixed">
            {scan.fixed.map((f) => (
              <li key={f.key} data-testid="fixed-finding" data-key={f.key}>
                <span className="font-mono text-xs">{f.key}</span> <ItemLink item={f.item} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
