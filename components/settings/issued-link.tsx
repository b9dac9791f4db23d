"use client";
// A one-time link (invitation or password reset) shown to the administrator who issued it. It
// stays until dismissed: the link is not stored anywhere it could be shown again.
import { useState } from "react";
import type { LinkShown } from "@/lib/actions/user-actions";

const MAIL: Record<string, string> = {
  sent: "It was also e-mailed to them.",
  failed: "The e-mail could not be sent: pass the link on yourself.",
  off: "Pass it on to them privately (e-mail is not configured).",
};

export function IssuedLink({ issued }: { issued: LinkShown["issued"] }) {
  const [dismissed, setDismissed] = useState(false);
  const [copied, setCopied] = useState(false);
  if (dismissed) return null;
  const what = issued.purpose === "invitation" ? "Invitation link" : "Password reset link";
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="issued-link"
      data-mail={issued.mail}
    >
      <p className="font-medium">
        {what} for {issued.email} — shown once, works once, until{" "}
        {issued.expiresAt.slice(0, 16).replace("T", " ")} UTC. {MAIL[issued.mail]}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          readOnly
          value={issued.link}
          aria-label={what}
          data-testid="issued-link-url"
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="rounded-md border border-amber-300 bg-white px-2 py-1 text-xs hover:bg-amber-100"
          onClick={() => {
            void navigator.clipboard?.writeText(issued.link).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        <button
          type="button"
          className="rounded-md border border-amber-300 bg-white px-2 py-1 text-xs hover:bg-amber-100"
          onClick={() => setDismissed(true)}
          data-testid="dismiss-link"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
