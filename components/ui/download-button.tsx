import type { ReactNode } from "react";

const LINK = "cursor-pointer text-indigo-700 underline";

/**
 * A recorded download (activity log) is a same-origin POST, never a GET link (issue 10: a GET
 * never writes to the activity log). The form's button asks for the attachment; the browser saves
 * it and stays on the page. No script needed. Parameters travel in the action's query string.
 */
export function DownloadButton({
  action,
  children,
  className = LINK,
  testId,
}: {
  action: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <form method="post" action={action} className="inline">
      <button type="submit" className={className} data-testid={testId}>
        {children}
      </button>
    </form>
  );
}
