import Link from "next/link";
import { CodeAuditForms } from "@/components/scans/code-audit-forms";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { isoMinute } from "@/lib/dates";
import { env } from "@/lib/env";
import { listCodeScans } from "@/lib/scanners/code/list-code-scans";

export const metadata = { title: "Code query audit" };

const card = "rounded-xl border border-slate-200 bg-white p-6";

export default async function CodeAuditPage() {
  const user = await requireUser("workspace.read");
  const { scans, findings } = await listCodeScans(user);
  return (
    <>
      <PageHeader
        title="Code query audit"
        description="Finds the SQL in a repository (Rust sqlx, TypeScript/JavaScript, Python, Go, .sql files), parses it with PostgreSQL's parser and lists, per table, the statements on tenant-scoped tables that lack a tenant predicate. Each audit is automated evidence (CC6.1); each finding a backlog item, resolved (awaiting verification) when a later audit no longer finds it."
      />
      {can(user, "scans.run") && (
        <section className={`${card} mb-6`}>
          <CodeAuditForms roots={env().TRUSTBOARD_RESULTS_ROOTS} />
        </section>
      )}
      <section className={`${card} mb-6`}>
        <h2 className="mb-3 font-semibold">Audits</h2>
        {scans.length === 0 ? (
          <EmptyState title="No code audit yet" testId="no-code-audits">
            Audit a directory or a ZIP above, or run{" "}
            <code>npm run cli -- scan code --path DIR</code>.
          </EmptyState>
        ) : (
          <table className="w-full text-left text-sm" data-testid="code-audits">
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th className="py-1">When</th>
                <th>Source</th>
                <th>Statements</th>
                <th>Without tenant predicate</th>
                <th>Not analysed</th>
                <th>New / fixed / still open</th>
                <th>Report</th>
              </tr>
            </thead>
            <tbody>
              {scans.map((s) => (
                <tr key={s.id} className="border-t border-slate-100">
                  <td className="py-1">{isoMinute(s.at)}</td>
                  <td className="font-mono text-xs">{s.source}</td>
                  <td>
                    {s.summary.statements ?? "—"} ({s.summary.tenantStatements ?? "—"} tenant)
                  </td>
                  <td>{s.summary.warn ?? 0}</td>
                  <td>{s.summary.notAnalysed ?? 0}</td>
                  <td>
                    {s.diff.new} / {s.diff.fixed} / {s.diff.stillOpen}
                  </td>
                  <td>
                    {s.evidenceId ? (
                      <Link
                        href={`/evidence/${s.evidenceId}`}
                        className="text-indigo-700 hover:underline"
                      >
                        Evidence
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {scans.length > 0 && (
        <section className={card}>
          <h2 className="mb-3 font-semibold">Findings of the latest audit</h2>
          {findings.length === 0 ? (
            <p className="text-sm text-slate-600">
              Every statement on a tenant-scoped table carries a tenant predicate.
            </p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm" data-testid="code-findings">
              {findings.map((f) => (
                <li key={f.key} className="rounded-md border border-slate-200 p-2">
                  <p>
                    <code className="text-xs">
                      {f.file}:{f.line}
                    </code>{" "}
                    <span className="text-slate-600">{f.check}</span>{" "}
                    {f.item && (
                      <Link
                        href={`/backlog/${f.item.key}`}
                        className="text-indigo-700 hover:underline"
                      >
                        {f.item.key} ({f.item.status.replace(/_/g, " ")})
                      </Link>
                    )}
                  </p>
                  <p className="text-xs text-slate-700">{f.message}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
