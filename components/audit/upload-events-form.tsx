"use client";
import { useActionState } from "react";
import { uploadAuditEventsAction } from "@/lib/actions/audit-actions";
import { FormStatus, SubmitButton } from "@/components/ui/form";

export function UploadEventsForm() {
  const [state, action, pending] = useActionState(uploadAuditEventsAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="upload-events">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">JSON Lines or CSV export of your audit log</span>
        <input
          type="file"
          name="file"
          accept=".jsonl,.ndjson,.json,.csv,text/csv,application/json"
          required
          data-testid="events-file"
        />
      </label>
      <SubmitButton pending={pending}>{pending ? "Importing…" : "Import events"}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} testId="events-status" />
      </div>
    </form>
  );
}
