import Link from "next/link";
import { isoDay } from "@/lib/dates";

export interface EvidenceLinkItem {
  id: string;
  title: string;
  kind: string;
  reviewState: string;
  evidenceDate: Date;
}

export function EvidenceLinks({ items, testId }: { items: EvidenceLinkItem[]; testId?: string }) {
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid={testId}>
      {items.map((e) => (
        <li key={e.id}>
          <Link href={`/evidence/${e.id}`} className="text-indigo-700 hover:underline">
            {e.title}
          </Link>{" "}
          <span className="text-slate-500">
            ({e.kind}, {e.reviewState.replace("_", " ")}, {isoDay(e.evidenceDate)})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Under a list cut to its newest items: how many there are, and where to see them all. */
export function MoreEvidence({
  shown,
  total,
  libraryHref,
  testId,
}: {
  shown: number;
  total: number;
  libraryHref: string;
  testId: string;
}) {
  if (total <= shown) return null;
  return (
    <p className="mt-2 text-sm text-slate-600" data-testid={testId}>
      The newest {shown} of {total.toLocaleString("en")}.{" "}
      <Link href={libraryHref} className="text-indigo-700 underline">
        All of them in the library
      </Link>
    </p>
  );
}
