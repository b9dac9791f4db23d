"use client";
// The databases the posture scan connects to: scan now, add, remove; and Trustboard's own.
import { useActionState } from "react";
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

function ScanNow({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(runScanTargetAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={button} aria-label={`Scan ${name} now`}>
        {pending ? "Scanning…" : "Scan now"}
      </button>
      <FormStatus state={state} testId="scan-status" />
    </form>
  );
}

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
        <div
          key={t.id}
          className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 p-3"
          data-testid="scan-target"
        >
          <div>
            <p className="font-medium">{t.name}</p>
            <p className="text-xs text-slate-600">
              Tenant columns: {t.tenantColumns.join(", ")} ·{" "}
              {t.lastScanAt ? `last scanned ${t.lastScanAt}: ${t.lastResult}` : "never scanned"}
            </p>
          </div>
          <div className="flex items-start gap-2">
            {canRun && <ScanNow id={t.id} name={t.name} />}
            {canConfigure && (
              <RemoveButton
                action={removeScanTargetAction}
                fields={{ id: t.id }}
                confirmText={`Remove "${t.name}"? Its scans stay.`}
              />
            )}
          </div>
        </div>
      ))}
      {canRun && <ScanOwn />}
      {canConfigure && (
        <details>
          <summary className="cursor-pointer font-medium">Add a database</summary>
          <form action={action} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
            <Field
              id="target-name"
              label="Name"
              name="name"
              required
              values={state.values}
              errors={state.errors?.name}
            />
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
            <div className="md:col-span-3">
              <button
                type="submit"
                disabled={pending}
                className="rounded-md bg-indigo-600 px-4 py-2 font-semibold text-white disabled:opacity-60"
              >
                {pending ? "Checking…" : "Save database"}
              </button>
            </div>
            <div className="md:col-span-3">
              <FormStatus state={state} testId="target-status" />
            </div>
          </form>
        </details>
      )}
    </div>
  );
}
