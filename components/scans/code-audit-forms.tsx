"use client";
import { useActionState } from "react";
import { auditCodeArchiveAction, auditCodeDirectoryAction } from "@/lib/actions/scan-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";

const COLUMNS_HINT =
  "Comma-separated; empty for tenant_id, org_id, organization_id, workspace_id, account_id.";

export function CodeAuditForms({ roots }: { roots: string[] }) {
  const [dirState, dirAction, dirPending] = useActionState(auditCodeDirectoryAction, {});
  const [zipState, zipAction, zipPending] = useActionState(auditCodeArchiveAction, {});
  return (
    <div className="flex flex-col gap-6 text-sm">
      {roots.length ? (
        <form
          action={dirAction}
          className="flex flex-wrap items-end gap-3"
          data-testid="audit-directory"
        >
          <Field
            id="code-path"
            label="Repository directory on the server"
            name="path"
            required
            hint={`Inside ${roots.join(", ")}.`}
            values={dirState.values}
            errors={dirState.errors?.path}
          />
          <Field
            id="code-columns"
            label="Tenant columns (optional)"
            name="tenantColumns"
            hint={COLUMNS_HINT}
            values={dirState.values}
            errors={dirState.errors?.tenantColumns}
          />
          <SubmitButton pending={dirPending}>Audit directory</SubmitButton>
          <div className="basis-full">
            <FormStatus state={dirState} testId="audit-directory-status" />
          </div>
        </form>
      ) : (
        <p className="text-slate-600">
          No result roots configured (TRUSTBOARD_RESULTS_ROOTS): directories on the server cannot be
          audited; upload a ZIP instead.
        </p>
      )}
      <form
        action={zipAction}
        className="flex flex-wrap items-end gap-3"
        data-testid="audit-archive"
      >
        <label className="flex flex-col gap-1">
          <span className="font-medium">Repository as a ZIP (at most 50 MB)</span>
          <input
            type="file"
            name="file"
            accept=".zip,application/zip"
            required
            aria-invalid={zipState.errors?.file ? true : undefined}
          />
          {zipState.errors?.file && (
            <span className="text-xs text-red-700">{zipState.errors.file.join(" ")}</span>
          )}
        </label>
        <Field
          id="zip-columns"
          label="Tenant columns (optional)"
          name="tenantColumns"
          hint={COLUMNS_HINT}
          values={zipState.values}
          errors={zipState.errors?.tenantColumns}
        />
        <SubmitButton pending={zipPending}>Audit ZIP</SubmitButton>
        <div className="basis-full">
          <FormStatus state={zipState} testId="audit-archive-status" />
        </div>
      </form>
    </div>
  );
}
