import Link from "next/link";
import { notFound } from "next/navigation";
import { EvidenceControlsForm } from "@/components/evidence/evidence-controls-form";
import { ReviewForm } from "@/components/evidence/review-form";
import { listControlOptions } from "@/lib/controls/controls";
import { controlChoice } from "@/lib/controls/labels";
import { RevisionUpload } from "@/components/evidence/revision-upload";
import { FindingsList } from "@/components/evidence/secret-decision";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/dates";
import { REVIEW_LABEL } from "@/lib/evidence/labels";
import { getEvidence } from "@/lib/evidence/list-evidence";
import type { SecretFinding } from "@/lib/evidence/secret-scan";
import { resolveExpiry } from "@/lib/status/expiry";
import { isUuid } from "@/lib/validation/fields";
import { DownloadButton } from "@/components/ui/download-button";

const day = (d: Date | null) => (d ? isoDay(d) : "—");

export default async function EvidenceDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("evidence.read");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const e = await getEvidence(user, id);
  if (!e) notFound();
  const expiry = resolveExpiry(e);
  const state = expiry && expiry <= new Date() ? "expired" : e.reviewState;
  const canWrite = can(user, "evidence.write");
  const controlOptions = canWrite ? (await listControlOptions(user)).map(controlChoice) : [];
  return (
    <>
      <BackLink href="/evidence">Evidence library</BackLink>
      <PageHeader title={e.title} description={e.description || undefined} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section className="rounded-xl border border-slate-200 bg-white p-6 text-sm">
          <dl className="grid grid-cols-2 gap-3">
            <dt className="text-slate-500">Review</dt>
            <dd data-testid="review-state">{REVIEW_LABEL[state]}</dd>
            <dt className="text-slate-500">Kind</dt>
            <dd>{e.kind}</dd>
            <dt className="text-slate-500">Evidence date</dt>
            <dd>{day(e.evidenceDate)}</dd>
            <dt className="text-slate-500">Covers</dt>
            <dd>
              {e.periodStart || e.periodEnd ? `${day(e.periodStart)} – ${day(e.periodEnd)}` : "—"}
            </dd>
            <dt className="text-slate-500">Expires</dt>
            <dd>{expiry ? day(expiry) : "Does not expire"}</dd>
            <dt className="text-slate-500">Added by</dt>
            <dd data-testid="evidence-producer">
              {e.createdBy?.email ??
                (e.token
                  ? `API token "${e.token.name}" (${e.token.prefix}…)`
                  : "Trustboard (automated)")}
              {e.source ? `, source ${e.source}` : ""} on {day(e.createdAt)}
            </dd>
            {e.notCurrentReason && (
              <>
                <dt className="text-slate-500">Not current</dt>
                <dd className="text-amber-900" data-testid="not-current">
                  Does not count as current evidence: {e.notCurrentReason}.
                </dd>
              </>
            )}
            {e.reviewedBy && (
              <>
                <dt className="text-slate-500">Reviewed by</dt>
                <dd>
                  {e.reviewedBy.email} on {day(e.reviewedAt)}
                  {e.reviewComment && (
                    <span className="block text-slate-600">“{e.reviewComment}”</span>
                  )}
                </dd>
              </>
            )}
          </dl>
          {e.url && (
            <p className="mt-4">
              Link:{" "}
              <a
                href={e.url}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="break-all text-indigo-700 underline"
              >
                {e.url}
              </a>
            </p>
          )}
          {e.body && (
            <pre className="mt-4 whitespace-pre-wrap rounded-md bg-slate-50 p-3">{e.body}</pre>
          )}
          <h2 className="mb-2 mt-4 font-semibold">Proves controls</h2>
          {e.controls.length ? (
            <ul>
              {e.controls.map(({ control: c }) => (
                <li key={c.id}>
                  <Link href={`/controls/${c.id}`} className="text-indigo-700 hover:underline">
                    {c.ref} {c.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-600">Not linked to any control.</p>
          )}
          {canWrite && (
            <EvidenceControlsForm
              id={e.id}
              controls={controlOptions}
              linked={e.controls.map(({ control: c }) => c.id)}
              accepted={e.reviewState === "accepted"}
            />
          )}
        </section>
        <div className="flex flex-col gap-6">
          {can(user, "evidence.review") && (
            <section className="rounded-xl border border-slate-200 bg-white p-6">
              <h2 className="mb-3 font-semibold">Review</h2>
              <ReviewForm
                id={e.id}
                revision={
                  e.revisions[0]
                    ? { number: e.revisions[0].number, sha256: e.revisions[0].sha256 }
                    : null
                }
              />
            </section>
          )}
          {(e.kind === "file" || e.revisions.length > 0) && (
            <section className="rounded-xl border border-slate-200 bg-white p-6 text-sm">
              <h2 className="mb-3 font-semibold">Revisions</h2>
              <ul className="flex flex-col gap-3" data-testid="revisions">
                {e.revisions.map((r) => {
                  const findings = r.secretFindings as unknown as SecretFinding[];
                  return (
                    <li
                      key={r.number}
                      className="rounded-md border border-slate-200 p-3"
                      data-testid="revision"
                    >
                      <div className="font-medium">
                        Revision {r.number}:{" "}
                        <DownloadButton
                          action={`/api/evidence/${e.id}/revisions/${r.number}`}
                          testId={`download-${r.number}`}
                        >
                          {r.fileName}
                        </DownloadButton>{" "}
                        <span className="text-slate-500">
                          ({Math.max(1, Math.round(r.size / 1024))} KB)
                        </span>
                      </div>
                      <p
                        className="break-all font-mono text-xs text-slate-600"
                        data-testid="sha256"
                      >
                        SHA-256 {r.sha256}
                      </p>
                      <p className="text-xs text-slate-500">
                        Uploaded by {r.uploadedBy?.email ?? "a collector"} on{" "}
                        {r.uploadedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                        {r.redacted ? " · secrets redacted on upload" : ""}
                      </p>
                      {r.scanNote && (
                        <p className="text-xs text-slate-600" data-testid="scan-note">
                          Not scanned for secrets: {r.scanNote}.
                        </p>
                      )}
                      {!r.redacted && findings.length > 0 && (
                        <div
                          className="mt-2 rounded-md bg-amber-50 p-2"
                          data-testid="kept-findings"
                        >
                          <p className="text-xs font-medium text-amber-900">
                            Kept despite possible secrets:
                          </p>
                          <FindingsList findings={findings} />
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
              {canWrite && e.kind === "file" && (
                <div className="mt-4">
                  <RevisionUpload id={e.id} />
                </div>
              )}
            </section>
          )}
        </div>
      </div>
    </>
  );
}
