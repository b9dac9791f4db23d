import Link from "next/link";
import type { Reason } from "@/lib/status/types";

const ICON = { gap: "✖", warning: "▲", info: "•" } as const;
const COLOR = { gap: "text-red-800", warning: "text-amber-800", info: "text-slate-600" } as const;

function href(r: Reason): string | null {
  if (r.source.type === "control") return `/controls/${r.source.id}`;
  if (r.source.type === "evidence") return `/evidence/${r.source.id}`;
  if (r.source.type === "criterion") return `/criteria/${r.source.id}`;
  if (r.source.type === "backlog") return `/backlog/${r.source.id}`;
  if (r.source.type === "coverage") return `/controls/${r.source.id}#coverage`;
  if (r.source.type === "phase") return `/phases/${r.source.id}`;
  return null;
}

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) return <p className="text-sm text-slate-600">No reasons recorded.</p>;
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="reasons">
      {reasons.map((r, i) => {
        const link = href(r);
        return (
          <li key={i} className={`flex gap-2 ${COLOR[r.severity]}`} data-severity={r.severity}>
            <span aria-hidden="true">{ICON[r.severity]}</span>
            <span className="sr-only">{r.severity}:</span>
            <span>
              {r.text}
              {link && (
                <>
                  {" "}
                  <Link href={link} className="text-indigo-700 underline">
                    ({r.source.label})
                  </Link>
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
