"use client";
// The databases the posture scan connects to: scan now, add, remove; and Trustboard's own.
import { useActionState } from "react";
import { AddConnectionForm } from "@/components/connections/add-connection-form";
import { ConnectionCard } from "@/components/connections/connection-card";
import { ConnectionNameField } from "@/components/connections/connection-name-field";
import { RunNowForm } from "@/components/connections/run-now-form";
import { Field, FormStatus } from "@/components/ui/form";
import { RemoveButton } from "@/components/ui/remove-button";
import {
  addScanTargetAction,
  removeScanTargetAction,
  runScanTargetAction,
  scanOwnDatabaseAction,
} from "@/lib/actions/scan-actions";

export interface ScanTargetRow {
  id: string;
  name: string;
  tenantColumns: string[];
  lastScanAt: string | null;
  lastResult: string | null;
}

const button =
  "rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

function ScanOwn() {
  const [state, action, pending] = useActionState(scanOwnDatabaseAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Scanning…" : "Scan Trustboard's own database"}
      </button>
      <FormStatus state={state} testId="scan-own-status" />
    </form>
  );
}

export function ScanTargetsSection({
  targets,
  canRun,
  canConfigure,
}: {
  targets: ScanTargetRow[];
  canRun: boolean;
  canConfigure: boolean;
}) {
  const [state, action, pending] = useActionState(addScanTargetAction, {});
  return (
    <div className="flex flex-col gap-4 text-sm">
      {targets.length === 0 && <p className="text-slate-600">No databases configured yet.</p>}
      {targets.map((t) => (
        <ConnectionCard
          key={t.id}
          testId="scan-target"
          actionsBeside
          title={t.name}
          status={`Tenant columns: ${t.tenantColumns.join(", ")} · ${
            t.lastScanAt ? `last scanned ${t.lastScanAt}: ${t.lastResult}` : "never scanned"
          }`}
          actions={
            <>
              {canRun && (
                <RunNowForm
                  id={t.id}
                  action={runScanTargetAction}
                  label="Scan now"
                  pendingLabel="Scanning…"
                  ariaLabel={`Scan ${t.name} now`}
                  statusTestId="scan-status"
                />
              )}
              {canConfigure && (
                <RemoveButton
                  action={removeScanTargetAction}
                  fields={{ id: t.id }}
                  confirmText={`Remove "${t.name}"? Its scans stay.`}
                />
              )}
            </>
          }
        />
      ))}
      {canRun && <ScanOwn />}
      {canConfigure && (
        <AddConnectionForm
          summary="Add a database"
          action={action}
          state={state}
          statusTestId="target-status"
          buttons={
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white disabled:opacity-60"
            >
              {pending ? "Checking…" : "Save database"}
            </button>
          }
        >
          <ConnectionNameField id="target-name" state={state} />
          <Field
            id="target-url"
            label="Connection string (the application's role)"
            name="url"
            type="password"
            required
            placeholder="postgresql://app:…@db:5432/app"
            hint="Connect as the role the application uses: the scan checks what it may bypass. Encrypted at rest; read-only transactions."
            errors={state.errors?.url}
          />
          <Field
            id="target-columns"
            label="Tenant columns"
            name="tenantColumns"
            placeholder="tenant_id, org_id, organization_id, workspace_id, account_id"
            hint="Comma-separated; empty for the defaults."
            values={state.values}
            errors={state.errors?.tenantColumns}
          />
        </AddConnectionForm>
      )}
    </div>
  );
}
