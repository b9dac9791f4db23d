"use client";
// The code audit's two ways in: a repository directory on the server (inside the allowed roots)
// or an uploaded ZIP. Both take the same optional tenant columns and answer the same way, so one
// form serves both and only the repository's own input differs.
import { useActionState, type ReactNode } from "react";
import { auditCodeArchiveAction, auditCodeDirectoryAction } from "@/lib/actions/scan-actions";
import { Field, FormStatus, SubmitButton } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions/safe-action";

const COLUMNS_HINT =
  "Comma-separated; empty for tenant_id, org_id, organization_id, workspace_id, account_id.";

function CodeAuditForm({
  action,
  testId,
  columnsId,
  submitLabel,
  repository,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The form's test id; its answer's is `${testId}-status`. */
  testId: string;
  columnsId: string;
  submitLabel: string;
  /** The input naming the repository, given what the server last answered. */
  repository: (state: ActionState) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" data-testid={testId}>
      {repository(state)}
      <Field
        id={columnsId}
        label="Tenant columns (optional)"
        name="tenantColumns"
        hint={COLUMNS_HINT}
        values={state.values}
        errors={state.errors?.tenantColumns}
      />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} testId={`${testId}-status`} />
      </div>
    </form>
  );
}

export function CodeAuditForms({ roots }: { roots: string[] }) {
  return (
    <div className="flex flex-col gap-6 text-sm">
      {roots.length ? (
        <CodeAuditForm
          action={auditCodeDirectoryAction}
          testId="audit-directory"
          columnsId="code-columns"
          submitLabel="Audit directory"
          repository={(state) => (
            <Field
              id="code-path"
              label="Repository directory on the server"
              name="path"
              required
              hint={`Inside ${roots.join(", ")}.`}
              values={state.values}
              errors={state.errors?.path}
            />
          )}
        />
      ) : (
        <p className="text-slate-600">
          No result roots configured (TRUSTBOARD_RESULTS_ROOTS): directories on the server cannot be
          audited; upload a ZIP instead.
        </p>
      )}
      <CodeAuditForm
        action={auditCodeArchiveAction}
        testId="audit-archive"
        columnsId="zip-columns"
        submitLabel="Audit ZIP"
        repository={(state) => (
          <label className="flex flex-col gap-1">
            <span className="font-medium">Repository as a ZIP (at most 50 MB)</span>
            <input
              type="file"
              name="file"
              accept=".zip,application/zip"
              required
              aria-invalid={state.errors?.file ? true : undefined}
            />
            {state.errors?.file && (
              <span className="text-xs text-red-700">{state.errors.file.join(" ")}</span>
            )}
          </label>
        )}
      />
    </div>
  );
}
