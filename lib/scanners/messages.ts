import type { RecordedScan } from "./record-scan";

export function recordedScanMessage(r: RecordedScan): string {
  return `Scan recorded: ${r.diff.new.length} new, ${r.diff.fixed.length} fixed, ${r.diff.stillOpen.length} still open; backlog ${r.backlog.created.length} created, ${r.backlog.reopened.length} reopened, ${r.backlog.resolved.length} resolved.`;
}
