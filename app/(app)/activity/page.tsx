import Link from "next/link";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { ActivityTable } from "@/components/activity/activity-table";
import { VerifyChainButton } from "@/components/activity/verify-chain-button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listActivity } from "@/lib/activity/list-activity";
import { activityFilterSchema } from "@/lib/activity/schemas";

export const metadata = { title: "Activity log" };

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("activity.read");
  const raw = await searchParams;
  const filter = activityFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v)),
  );
  const { rows, nextBefore, actions } = await listActivity(user, filter);
  const older = nextBefore
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v) as [string, string][]), before: nextBefore })}`
    : null;
  return (
    <>
      <PageHeader
        title="Activity log"
        description="Every change made through Trustboard, append-only and hash-chained: each entry's hash covers its content and the previous entry's hash. Verify the chain to detect any entry altered or removed behind Trustboard's back."
        actions={<VerifyChainButton />}
      />
      <ActivityFilters filter={filter} actions={actions} />
      {rows.length === 0 ? (
        <EmptyState title="No activity matches these filters." testId="activity-empty">
          <Link href="/activity" className="text-indigo-700 underline">
            Clear the filters
          </Link>
        </EmptyState>
      ) : (
        <ActivityTable rows={rows} />
      )}
      {older && (
        <p className="mt-4 text-sm">
          <Link href={older} className="text-indigo-700 underline" data-testid="older">
            Older entries →
          </Link>
        </p>
      )}
    </>
  );
}
