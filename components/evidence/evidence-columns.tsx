import Link from "next/link";
import type { ServerColumn } from "@/components/data-table/server-table";
import { REVIEW_LABEL } from "@/lib/evidence/labels";
import type { EvidenceRow } from "@/lib/evidence/list-evidence";

export const evidenceColumns: ServerColumn<EvidenceRow>[] = [
  {
    id: "title",
    header: "Evidence",
    sortKey: "title",
    cell: (r) => (
      <Link href={`/evidence/${r.id}`} className="font-medium text-indigo-700 hover:underline">
        {r.title}
      </Link>
    ),
  },
  { id: "kind", header: "Kind", sortKey: "kind", cell: (r) => r.kind },
  { id: "state", header: "Review", sortKey: "state", cell: (r) => REVIEW_LABEL[r.state] },
  { id: "evidenceDate", header: "Date", sortKey: "date", cell: (r) => r.evidenceDate },
  { id: "expiry", header: "Expires", sortKey: "expiry", cell: (r) => r.expiresOn ?? "—" },
  { id: "controls", header: "Controls", cell: (r) => r.controls },
  { id: "criteria", header: "Criteria", cell: (r) => r.criteria },
];
