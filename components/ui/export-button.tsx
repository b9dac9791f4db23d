import { DownloadButton } from "./download-button";

// The CSV is recorded in the activity log, so it is asked for with a POST (download-button.tsx).
export function ExportButton({ table }: { table: "criteria" | "controls" | "evidence" }) {
  return (
    <DownloadButton
      action={`/api/export/${table}`}
      className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
      testId={`export-${table}`}
    >
      Export CSV
    </DownloadButton>
  );
}
