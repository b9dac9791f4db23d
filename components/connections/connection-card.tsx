// One configured connection (an audit source, a results directory, a scanned database): its name
// and what it points at, how its last run went, and what may be done with it now. Scan targets put
// their buttons beside the text (a target has two: scan and remove); the others put them below.
import type { ReactNode } from "react";

/** "Last pulled <when>: <result>" or "Never pulled." */
export const lastRunText = (verb: string, at: string | null, result: string | null) =>
  at ? `Last ${verb} ${at}: ${result}` : `Never ${verb}.`;

export function ConnectionCard({
  testId,
  title,
  status,
  actions,
  actionsBeside = false,
}: {
  testId: string;
  title: ReactNode;
  status: ReactNode;
  actions: ReactNode;
  actionsBeside?: boolean;
}) {
  const text = (
    <>
      <p className="font-medium">{title}</p>
      <p className="text-xs text-slate-600">{status}</p>
    </>
  );
  if (!actionsBeside)
    return (
      <div className="rounded-md border border-slate-200 p-3" data-testid={testId}>
        {text}
        {actions}
      </div>
    );
  return (
    <div
      className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 p-3"
      data-testid={testId}
    >
      <div>{text}</div>
      <div className="flex items-start gap-2">{actions}</div>
    </div>
  );
}
