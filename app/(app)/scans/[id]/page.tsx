import { notFound } from "next/navigation";
import { ScanDetailView } from "@/components/scans/scan-detail";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { isoMinute } from "@/lib/dates";
import { SCAN_KIND_LABEL } from "@/lib/scanners/scan-labels";
import { getScan } from "@/lib/scanners/scan-queries";
import { isUuid } from "@/lib/validation/fields";

export default async function ScanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("workspace.read");
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const scan = await getScan(user, id);
  if (!scan) notFound();
  return (
    <>
      <BackLink href="/scans">Scans</BackLink>
      <PageHeader
        title={`${SCAN_KIND_LABEL[scan.kind]} of ${scan.source}`}
        description={`${isoMinute(scan.at)} UTC by ${scan.actorEmail}`}
      />
      <ScanDetailView scan={scan} />
    </>
  );
}
