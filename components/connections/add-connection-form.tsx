// The folded "add a connection" form under a list of connections: its fields in a three-column
// grid, its buttons, then what the server answered (a connection is saved only after it was
// tried, so the answer often says why not).
import type { ReactNode } from "react";
import { FormStatus } from "@/components/ui/form";
import type { ActionState } from "@/lib/actions/safe-action";

export function AddConnectionForm({
  summary,
  action,
  state,
  buttons,
  statusTestId,
  children,
}: {
  summary: string;
  action: (form: FormData) => void;
  state: ActionState;
  buttons: ReactNode;
  statusTestId: string;
  /** The fields. */
  children: ReactNode;
}) {
  return (
    <details>
      <summary className="cursor-pointer font-medium">{summary}</summary>
      <form action={action} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        {children}
        <div className="flex gap-2 md:col-span-3">{buttons}</div>
        <div className="md:col-span-3">
          <FormStatus state={state} testId={statusTestId} />
        </div>
      </form>
    </details>
  );
}
