import Link from "next/link";
import { StatusDistributionChart } from "@/components/charts/status-distribution-chart";
import { DemoButton } from "@/components/demo/demo-button";
import { StatusBadge } from "@/components/status/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { CATEGORIES, CATEGORY_LABELS } from "@/lib/catalog/labels";
import { isoDay } from "@/lib/dates";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { expiringEvidence } from "@/lib/evidence/expiring-evidence";
import { workspaceStatus } from "@/lib/status/workspace-status";
import { remediationSummary } from "@/lib/backlog/remediation-summary";
import { STATUS_LABEL } from "@/lib/status/labels";
import type { Status } from "@/lib/status/types";
import { combineCoverage } from "@/lib/coverage/matrix";
import type { ControlCoverage } from "@/lib/coverage/types";

export const metadata = { title: "Overview" };

const ORDER: Status[] = ["gap", "not_started", "at_risk", "met", "not_applicable"];

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const [criteria, status, evidence, remediation] = await Promise.all([
    listCriteria(user),
    workspaceStatus(user),
    expiringEvidence(user),
    remediationSummary(user),
  ]);
  const denied = (await searchParams).denied;
  const inScope = criteria
    .filter((c) => c.inScope)
    .map((c) => ({ ...c, evaluation: status.criteria.get(c.id)! }));
  const counts = ORDER.map((s) => ({
    status: s,
    label: STATUS_LABEL[s],
    count: inScope.filter((c) => c.evaluation.status === s).length,
  }));
  const expiring = evidence.rows;
  const attention = inScope
    .filter((c) => c.evaluation.status !== "met" && c.evaluation.status !== "not_applicable")
    .sort((a, b) => ORDER.indexOf(a.evaluation.status) - ORDER.indexOf(b.evaluation.status));
  const empty = status.controls.size === 0 && !evidence.any;
  return (
    <>
      <PageHeader
        title="Overview"
        description={
          status.ctx.period
            ? `Audit period ${isoDay(status.ctx.period.start)} – ${isoDay(status.ctx.period.end)}.`
            : "No audit period set: evidence of any date counts. Set it under Settings."
        }
      />
      {denied && (
        <p
          data-testid="denied"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          That page is not available to your role.
        </p>
      )}
      {empty && (
        <div
          className="mb-6 rounded-xl border border-dashed border-indigo-300 bg-indigo-50 p-6 text-sm"
          data-testid="getting-started"
        >
          <p className="font-medium">Nothing is mapped yet.</p>
          <p className="mt-1">
            Start by{" "}
            <Link href="/controls/new" className="text-indigo-700 underline">
              creating a control
            </Link>{" "}
            and mapping it to criteria, then add evidence.
          </p>
        </div>
      )}
      {/* Outside the empty-workspace box: it must stay mounted once the demo has filled it. */}
      {can(user, "demo.load") && <DemoButton showButton={empty} />}
      <section
        className="grid grid-cols-1 gap-4 md:grid-cols-3 lg:grid-cols-5"
        aria-label="Readiness per category"
      >
        {CATEGORIES.map((cat) => {
          const rows = inScope.filter((c) => c.category === cat);
          const applicable = rows.filter((r) => r.evaluation.status !== "not_applicable");
          const met = applicable.filter((r) => r.evaluation.status === "met").length;
          const pct = applicable.length ? Math.round((met / applicable.length) * 100) : 0;
          // Coverage per category: the occurrences of every applicable control its criteria map.
          const controlIds = new Set(
            applicable.flatMap((r) => status.criterionControls.get(r.id) ?? []),
          );
          const covered = combineCoverage(
            [...controlIds].flatMap((id): ControlCoverage[] => {
              const cov = status.coverage.get(id);
              return cov && status.controls.get(id)?.status !== "not_applicable" ? [cov] : [];
            }),
            [],
          );
          return (
            <div
              key={cat}
              className={`rounded-xl border bg-white p-4 ${rows.length ? "border-slate-200" : "border-dashed border-slate-300 opacity-60"}`}
              data-testid={`category-${cat}`}
            >
              <p className="text-sm font-semibold">{CATEGORY_LABELS[cat]}</p>
              {rows.length ? (
                <>
                  <p className="mt-1 text-2xl font-semibold" data-testid={`readiness-${cat}`}>
                    {pct}%
                  </p>
                  <div className="mt-2 h-2 rounded-full bg-slate-100" aria-hidden="true">
                    <div className="h-2 rounded-full bg-emerald-500" style={{ width: `${pct}%` }} />
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    {met} of {applicable.length} criteria met
                  </p>
                  {covered.percent !== null && (
                    <p className="mt-1 text-xs text-slate-600" data-testid={`coverage-${cat}`}>
                      <Link href={`/coverage?category=${cat}`} className="hover:underline">
                        Coverage over the period: {covered.percent}% ({covered.operated} of{" "}
                        {covered.judged} occurrences)
                      </Link>
                    </p>
                  )}
                </>
              ) : (
                <p className="mt-1 text-xs text-slate-600">Out of scope</p>
              )}
            </div>
          );
        })}
      </section>
      <section
        className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm"
        data-testid="remediation-summary"
        aria-label="Remediation"
      >
        <span className="font-semibold">Remediation</span>
        <Link
          href="/backlog?priority=P0&status=active"
          className={
            remediation.p0 ? "font-semibold text-red-700 underline" : "text-slate-600 underline"
          }
        >
          {remediation.p0} open P0
        </Link>
        <Link
          href="/backlog?priority=P1&status=active"
          className={
            remediation.p1 ? "font-semibold text-amber-800 underline" : "text-slate-600 underline"
          }
        >
          {remediation.p1} open P1
        </Link>
        <Link
          href="/backlog?overdue=1"
          className={
            remediation.overdue
              ? "font-semibold text-red-700 underline"
              : "text-slate-600 underline"
          }
        >
          {remediation.overdue} overdue
        </Link>
        <Link href="/backlog?status=resolved" className="text-slate-600 underline">
          {remediation.awaitingVerification} resolved, awaiting verification
        </Link>
        <span className="text-slate-600">
          {remediation.phasesWithGaps.length === 0
            ? "no phase with gaps"
            : remediation.phasesWithGaps.map((p, i) => (
                <span key={p.number}>
                  {i > 0 && ", "}
                  <Link
                    href={`/phases/${p.number}`}
                    className="font-semibold text-red-700 underline"
                  >
                    Phase {p.number} has gaps
                  </Link>
                </span>
              ))}
        </span>
      </section>
      <div className="mt-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 className="mb-3 font-semibold">Status of the {inScope.length} criteria in scope</h2>
          <StatusDistributionChart counts={counts} />
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 className="mb-3 font-semibold">Evidence expiring in the next 30 days</h2>
          {expiring.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing expires in the next 30 days.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" data-testid="expiring">
              {expiring.map((e) => (
                <li key={e.id}>
                  <Link href={`/evidence/${e.id}`} className="text-indigo-700 hover:underline">
                    {e.title}
                  </Link>{" "}
                  <span className="text-slate-600">
                    expires {e.expiresOn} ({e.daysToExpiry} days)
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="mt-6 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-3 font-semibold">Criteria needing attention (gaps first)</h2>
        {attention.length === 0 ? (
          <p className="text-sm text-slate-600">
            Every criterion in scope is met or not applicable.
          </p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm" data-testid="attention">
            {attention.map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline gap-2">
                <StatusBadge status={c.evaluation.status} overridden={c.evaluation.overridden} />
                <Link
                  href={`/criteria/${c.id}`}
                  className="font-semibold text-indigo-700 hover:underline"
                >
                  {c.id}
                </Link>
                <span>{c.title}</span>
                <span className="text-slate-600">
                  —{" "}
                  {c.evaluation.reasons.find((r) => r.severity !== "info")?.text ??
                    c.evaluation.reasons[0]?.text}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
