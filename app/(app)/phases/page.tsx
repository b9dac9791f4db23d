import Link from "next/link";
import { PhaseTimeline } from "@/components/phases/phase-timeline";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { listPhases } from "@/lib/phases/phase-queries";

export const metadata = { title: "Phases" };

export default async function PhasesPage() {
  const user = await requireUser();
  const phases = await listPhases(user);
  const canWrite = can(user, "phases.write");
  return (
    <>
      <PageHeader
        title="Implementation phases"
        description="The security programme step by step. Owners tick deliverables; a different person verifies each phase's must-haves, and any PARTIAL or FAILED one shows the phase as “gaps found” and holds its criteria back."
        actions={
          canWrite ? (
            <Link
              href="/phases/new"
              className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
              data-testid="new-phase"
            >
              New phase
            </Link>
          ) : undefined
        }
      />
      {phases.length === 0 ? (
        <EmptyState title="No phases yet" testId="phases-empty">
          {canWrite
            ? "Create the first phase of your implementation programme, or load the demo workspace from the overview."
            : "The engineering team has not recorded any phases yet."}
        </EmptyState>
      ) : (
        <PhaseTimeline phases={phases} />
      )}
    </>
  );
}
