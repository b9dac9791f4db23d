import { PhaseForm } from "@/components/phases/phase-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listOwners } from "@/lib/controls/controls";
import { nextPhaseNumber } from "@/lib/phases/phase-queries";

export const metadata = { title: "New phase" };

export default async function NewPhasePage() {
  const user = await requireUser("phases.write");
  const [owners, next] = await Promise.all([listOwners(user), nextPhaseNumber(user)]);
  return (
    <>
      <BackLink href="/phases">All phases</BackLink>
      <PageHeader title="New phase" />
      <section className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6">
        <PhaseForm
          owners={owners}
          initial={{
            number: next,
            title: "",
            goal: "",
            progress: "pending",
            ownerId: user.id,
            nextSteps: [],
            requirements: [],
          }}
        />
      </section>
    </>
  );
}
