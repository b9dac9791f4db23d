import { EventVolumeChart } from "@/components/charts/event-volume-chart";
import { UploadEventsForm } from "@/components/audit/upload-events-form";
import { SourcesSection } from "@/components/audit/sources-section";
import { ActionMappingForm } from "@/components/audit/action-mapping-form";
import { listSources } from "@/lib/collectors/audit/sources";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { drawSample } from "@/lib/collectors/audit/population";
import { listControlOptions } from "@/lib/controls/controls";
import { FREQUENCY_LABEL } from "@/lib/coverage/frequency";
import { sampleSchema } from "@/lib/collectors/audit/schemas";
import { isoDay, isoMinute } from "@/lib/dates";
import { eventVolume, knownActions, listActionMappings } from "@/lib/collectors/audit/volume";
import { criterionOptions } from "@/lib/criteria/criterion-options";
import { DownloadButton } from "@/components/ui/download-button";

export const metadata = { title: "Audit events" };

const card = "rounded-xl border border-slate-200 bg-white p-6";
const box = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("audit.read");
  const params = await searchParams;
  const [volume, actions, criteria, mappings, sources, controls] = await Promise.all([
    eventVolume(user),
    knownActions(user),
    criterionOptions(user),
    listActionMappings(user),
    listSources(user),
    listControlOptions(user),
  ]);
  const wanted = params.action ? sampleSchema.safeParse(params) : null;
  const result = wanted?.success ? await drawSample(user, wanted.data) : null;
  const today = isoDay(new Date());
  const exportQuery =
    wanted?.success && result
      ? new URLSearchParams({
          criterion: wanted.data.criterion,
          action: wanted.data.action,
          from: wanted.data.from,
          to: wanted.data.to,
          n: String(result.n),
          ...(wanted.data.control ? { control: wanted.data.control } : {}),
          seed: result.seed,
        }).toString()
      : null;
  return (
    <>
      <PageHeader
        title="Audit events"
        description="Security events from your application's audit log, mapped to criteria by event type. Controls can declare event types that must keep flowing."
      />
      {can(user, "audit.ingest") && (
        <section className={`${card} mb-6`}>
          <UploadEventsForm />
          <p className="mt-2 text-xs text-slate-500">
            CI or the application can also POST to /api/v1/audit-events with an ingest token
            (Settings).
          </p>
        </section>
      )}
      <section className={`${card} mb-6`}>
        <h2 className="mb-3 font-semibold">PostgreSQL sources</h2>
        <SourcesSection
          canConfigure={can(user, "audit.configure")}
          canPull={can(user, "audit.pull")}
          sources={sources.map((s) => ({
            id: s.id,
            name: s.name,
            tableName: s.tableName,
            cursor: s.cursorValue,
            lastPulledAt: s.lastPulledAt ? isoMinute(s.lastPulledAt) : null,
            lastResult: s.lastResult,
          }))}
        />
      </section>
      <section className={`${card} mb-6`}>
        <h2 className="mb-3 font-semibold">Volume per day and type (last 90 days)</h2>
        {volume.days.length ? (
          <EventVolumeChart days={volume.days} actions={volume.actions} />
        ) : (
          <p className="text-sm text-slate-600">
            No events yet. Import an export of your audit log above.
          </p>
        )}
      </section>
      <section className={`${card} mb-6`}>
        <h2 className="mb-1 font-semibold">Population and sample</h2>
        <p className="mb-3 text-sm text-slate-600">
          For auditors: the population of one event type over a period, and a random sample you can
          reproduce with the same seed.
        </p>
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="sample-form">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Criterion</span>
            <select name="criterion" defaultValue={params.criterion ?? "CC6.1"} className={box}>
              {criteria.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Event type</span>
            <select
              name="action"
              defaultValue={params.action ?? ""}
              className={box}
              required
              data-testid="sample-action"
            >
              <option value="" disabled>
                Choose…
              </option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">From</span>
            <input
              type="date"
              name="from"
              required
              defaultValue={params.from ?? `${today.slice(0, 4)}-01-01`}
              className={box}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">To</span>
            <input
              type="date"
              name="to"
              required
              defaultValue={params.to ?? today}
              className={box}
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Control tested (optional)</span>
            <select
              name="control"
              defaultValue={params.control ?? ""}
              className={`${box} max-w-xs`}
              data-testid="sample-control"
            >
              <option value="">None</option>
              {controls.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.ref} {c.title}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Sample size</span>
            <input
              type="number"
              name="n"
              min={1}
              max={500}
              defaultValue={params.n ?? ""}
              placeholder="by frequency, else 25"
              className={`${box} w-40`}
              data-testid="sample-n"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">Seed (blank: new)</span>
            <input
              name="seed"
              defaultValue={params.seed ?? ""}
              className={`${box} w-32 font-mono`}
              data-testid="sample-seed"
            />
          </label>
          <button
            type="submit"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white"
          >
            Draw sample
          </button>
        </form>
        {wanted && !wanted.success && (
          <p className="mt-3 text-sm text-red-800">{wanted.error.issues[0]?.message}</p>
        )}
        {result && (
          <div className="mt-4 text-sm" data-testid="sample-result">
            <div>
              Population:{" "}
              <span className="font-semibold" data-testid="population">
                {result.population}
              </span>{" "}
              events · sample of {result.sample.length} with seed{" "}
              <code data-testid="seed">{result.seed}</code>{" "}
              {exportQuery && (
                <DownloadButton action={`/api/audit/sample?${exportQuery}`} testId="export-sample">
                  Export CSV
                </DownloadButton>
              )}
            </div>
            {result.suggested && (
              <p className="mt-1 text-slate-700" data-testid="sample-suggestion">
                Suggested for a {FREQUENCY_LABEL[result.suggested.frequency].toLowerCase()} control:{" "}
                {result.suggested.n} (annual 1, quarterly 2, monthly 2, weekly 5, daily 25, many
                times a day 40; ad hoc 10% of the population, 1–25). Drawn spread across the period,
                one per equal slice of it first.
              </p>
            )}
            <ul className="mt-2 flex flex-col gap-0.5 font-mono text-xs" data-testid="sample-rows">
              {result.sample.map((e) => (
                <li key={e.id}>
                  #{e.id} {e.occurredAt.toISOString().replace("T", " ").slice(0, 19)}{" "}
                  {e.actor ?? "—"} {e.ip ?? ""} {e.outcome ?? ""}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <section className={card}>
        <h2 className="mb-3 font-semibold">Event types and the criteria they evidence</h2>
        <ul className="grid grid-cols-1 gap-1 text-sm md:grid-cols-2">
          {mappings.map((m) => (
            <li key={m.action}>
              <code>{m.action}</code> → {m.criteria.join(", ")}
            </li>
          ))}
        </ul>
        {can(user, "audit.configure") && <ActionMappingForm />}
      </section>
    </>
  );
}
