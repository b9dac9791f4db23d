import { isoMinute } from "@/lib/dates";
import Link from "next/link";
import { UnmappedTests } from "@/components/tests/unmapped-tests";
import { firstParam, listHref, pageParam, showingText } from "@/lib/paging/page-window";
import { RuleList } from "@/components/tests/rule-list";
import { UploadResultsForm } from "@/components/tests/upload-results-form";
import { DirectoriesSection } from "@/components/tests/directories-section";
import { env } from "@/lib/env";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/capabilities";
import { listControlOptions } from "@/lib/controls/controls";
import { controlChoice } from "@/lib/controls/labels";
import {
  listDirectories,
  listRules,
  listRuns,
  listUnmappedTests,
} from "@/lib/collectors/test-results/queries";

export const metadata = { title: "Test results" };

const card = "rounded-xl border border-slate-200 bg-white p-6";
const pct = (passed: number, total: number) =>
  total ? `${Math.round((passed / total) * 100)}%` : "—";

export default async function TestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("results.read");
  const unmappedPage = pageParam.parse(firstParam((await searchParams).unmapped));
  const [runs, unmapped, rules, controls, directories] = await Promise.all([
    listRuns(user),
    listUnmappedTests(user, unmappedPage),
    listRules(user),
    listControlOptions(user),
    listDirectories(user),
  ]);
  const canUpload = can(user, "results.ingest");
  const canConfigure = can(user, "results.configure");
  const controlOptions = controls.map(controlChoice);
  return (
    <>
      <PageHeader
        title="Test results"
        description="CI test results as evidence. Push them with POST /api/v1/test-results and an API token, or upload a file here. Tests map to controls by tags (a soc2 property, CTRF tags, [CC6.1] in a name) or by rules."
      />
      {canUpload && (
        <section className={`${card} mb-6`}>
          <UploadResultsForm />
        </section>
      )}
      <section className={`${card} mb-6`}>
        <h2 className="mb-3 font-semibold">Runs</h2>
        {runs.length === 0 ? (
          <EmptyState title="No test results yet">
            Upload a JUnit XML or CTRF JSON file, or have CI push results with an API token
            (Settings).
          </EmptyState>
        ) : (
          <table className="w-full text-left text-sm" data-testid="runs">
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                <th className="py-1">When</th>
                <th>Source</th>
                <th>Commit</th>
                <th>Tests</th>
                <th>Passed</th>
                <th>Failed</th>
                <th>Skipped</th>
                <th>Flaky</th>
                <th>Pass rate</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className="border-t border-slate-100" data-testid="run-row">
                  <td className="py-1">
                    {r.startedAt.toISOString().replace("T", " ").slice(0, 16)}
                  </td>
                  <td>{r.source ?? r.tool ?? r.fileName ?? r.format}</td>
                  <td className="font-mono text-xs">{r.commit?.slice(0, 12) ?? "—"}</td>
                  <td>
                    {r.tests}
                    {r.summaryOnly.length > 0 && (
                      <span
                        className="ml-1 text-xs text-amber-700"
                        title={`Counted from the declared totals of: ${r.summaryOnly.join(", ")}`}
                        data-testid="summary-only"
                      >
                        (summary only: {r.summaryOnly.length} suite
                        {r.summaryOnly.length === 1 ? "" : "s"})
                      </span>
                    )}
                  </td>
                  <td>{r.passed}</td>
                  <td>{r.failed + r.errored}</td>
                  <td>{r.skipped}</td>
                  <td>{r.flaky}</td>
                  <td>{pct(r.passed, r.tests - r.skipped)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className={`${card} mb-6`}>
        <h2 className="mb-1 font-semibold">
          Unmapped tests ({unmapped.slice.total.toLocaleString("en")})
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          From the last 10 runs: these prove no control yet.
          {canConfigure
            ? " Map one to add a rule; stored results are mapped at once."
            : " An administrator can map them."}
        </p>
        {unmapped.slice.total === 0 ? (
          <p className="text-sm text-slate-600">Every recent test is mapped.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600" data-testid="unmapped-count">
              {showingText(unmapped.slice)}
            </p>
            <UnmappedTests tests={unmapped.tests} controls={controlOptions} canMap={canConfigure} />
            {unmapped.slice.pages > 1 && (
              <nav aria-label="Pages of unmapped tests" className="mt-3 flex gap-3 text-sm">
                {unmapped.slice.page > 1 && (
                  <Link
                    href={listHref("/tests", {}, { unmapped: String(unmapped.slice.page - 1) })}
                    className="text-indigo-700 underline"
                    data-testid="unmapped-prev"
                  >
                    ← Previous
                  </Link>
                )}
                <span className="text-slate-600">
                  Page {unmapped.slice.page} of {unmapped.slice.pages}
                </span>
                {unmapped.slice.page < unmapped.slice.pages && (
                  <Link
                    href={listHref("/tests", {}, { unmapped: String(unmapped.slice.page + 1) })}
                    className="text-indigo-700 underline"
                    data-testid="unmapped-next"
                  >
                    Next →
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
      <section className={`${card} mb-6`}>
        <h2 className="mb-3 font-semibold">Result directories</h2>
        <DirectoriesSection
          canConfigure={canConfigure}
          canPull={can(user, "results.pull")}
          roots={env().TRUSTBOARD_RESULTS_ROOTS}
          directories={directories.map((d) => ({
            id: d.id,
            name: d.name,
            path: d.path,
            lastPulledAt: d.lastPulledAt ? isoMinute(d.lastPulledAt) : null,
            lastResult: d.lastResult,
          }))}
        />
      </section>
      <section className={card}>
        <h2 className="mb-3 font-semibold">Mapping rules</h2>
        <RuleList
          editable={canConfigure}
          rules={rules.map((r) => ({
            id: r.id,
            field: r.field,
            pattern: r.pattern,
            control: `${r.control.ref} ${r.control.title}`,
            by: r.createdBy.email,
          }))}
        />
      </section>
    </>
  );
}
