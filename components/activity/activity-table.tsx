import type { ActivityRow } from "@/lib/activity/list-activity";
import { canonicalJson } from "@/lib/activity/chain";

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before === null && after === null) return null;
  return (
    <details className="mt-1 text-xs text-slate-600">
      <summary className="cursor-pointer">Before / after</summary>
      <pre className="mt-1 whitespace-pre-wrap break-all">before: {canonicalJson(before)}</pre>
      <pre className="whitespace-pre-wrap break-all">after: {canonicalJson(after)}</pre>
    </details>
  );
}

export function ActivityTable({ rows }: { rows: ActivityRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="activity-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              #
            </th>
            <th scope="col" className="px-4 py-2">
              When (UTC)
            </th>
            <th scope="col" className="px-4 py-2">
              Who
            </th>
            <th scope="col" className="px-4 py-2">
              Action
            </th>
            <th scope="col" className="px-4 py-2">
              What
            </th>
            <th scope="col" className="px-4 py-2">
              Hash
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.seq}
              className="border-b border-slate-100 align-top last:border-0"
              data-testid="activity-row"
            >
              <td className="px-4 py-2 text-slate-500">{r.seq}</td>
              <td className="whitespace-nowrap px-4 py-2">
                {r.at.toISOString().replace("T", " ").slice(0, 19)}
              </td>
              <td className="px-4 py-2">{r.actorEmail}</td>
              <td className="px-4 py-2 font-mono text-xs">{r.action}</td>
              <td className="px-4 py-2">
                {r.summary}
                <Change before={r.before} after={r.after} />
              </td>
              <td className="px-4 py-2 font-mono text-xs text-slate-500" title={r.hash}>
                {r.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
