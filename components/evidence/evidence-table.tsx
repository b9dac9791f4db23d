"use client";
import { DataTable } from "@/components/data-table/data-table";
import type { EvidenceRow } from "@/lib/evidence/list-evidence";
import { REVIEW_LABEL } from "@/lib/evidence/labels";
import { evidenceColumns } from "./evidence-columns";

export function EvidenceTable({
  rows,
  controls,
  criteria,
}: {
  rows: EvidenceRow[];
  controls: string[];
  criteria: string[];
}) {
  return (
    <DataTable
      testId="evidence-table"
      data={rows}
      columns={evidenceColumns}
      searchLabel="Search evidence"
      initialSorting={[{ id: "evidenceDate", desc: true }]}
      filters={[
        {
          columnId: "kind",
          label: "Kind",
          options: ["file", "link", "note", "automated"].map((k) => ({ value: k, label: k })),
        },
        {
          columnId: "state",
          label: "Review",
          options: Object.entries(REVIEW_LABEL).map(([value, label]) => ({ value, label })),
        },
        {
          columnId: "controls",
          label: "Control",
          options: controls.map((c) => ({ value: c, label: c })),
        },
        {
          columnId: "criteria",
          label: "Criterion",
          options: criteria.map((c) => ({ value: c, label: c })),
        },
        {
          columnId: "expiry",
          label: "Expiring",
          options: [
            { value: "expired", label: "Already expired" },
            { value: "7", label: "Within 7 days" },
            { value: "30", label: "Within 30 days" },
            { value: "90", label: "Within 90 days" },
          ],
        },
      ]}
    />
  );
}
