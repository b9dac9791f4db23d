import { ScanList } from "@/components/scans/scan-list";
import { ScanTargetsSection } from "@/components/scans/scan-targets-section";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { isoMinute } from "@/lib/dates";
import { listScanTargets } from "@/lib/scanners/scan-targets";
import { listScans } from "@/lib/scanners/scan-queries";

export const metadata = { title: "Scans" };

const card = "rounded-xl border border-slate-200 bg-white p-6";

export default async function ScansPage() {
  const user = await requireUser("workspace.read");
  const [targets, scans] = await Promise.all([listScanTargets(user), listScans(user)]);
  return (
    <>
      <PageHeader
        title="Scans"
        description="Scanners that check the application for you: the PostgreSQL posture scan (row-level security, tenant columns, audit tables, server settings). Each scan becomes evidence on the mapped controls, and its findings become backlog items that resolve when a later scan no longer finds them."
      />
      <section className={`${card} mb-6`}>
        <h2 className="mb-3 font-semibold">PostgreSQL posture</h2>
        <ScanTargetsSection
          targets={targets.map((t) => ({
            id: t.id,
            name: t.name,
            tenantColumns: t.tenantColumns,
            lastScanAt: t.lastScanAt ? isoMinute(t.lastScanAt) : null,
            lastResult: t.lastResult,
          }))}
          canRun={can(user, "scans.run")}
          canConfigure={can(user, "scans.configure")}
        />
      </section>
      <section className={card}>
        <h2 className="mb-3 font-semibold">Recent scans</h2>
        <ScanList scans={scans} />
      </section>
    </>
  );
}
