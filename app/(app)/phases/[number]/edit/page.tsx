import { notFound } from "next/navigation";
import { parseIntParam } from "@/lib/validation/params";
import { PhaseForm } from "@/components/phases/phase-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listOwners } from "@/lib/controls/controls";
import { getPhase } from "@/lib/phases/phase-queries";

export default async function EditPhasePage({ params }: { params: Promise<{ number: string }> }) {
  const user = await requireUser("phases.write");
  const { number } = await params;
  const phaseNumber = parseIntParam(number, 0, 9999);
  if (phaseNumber === null) notFound();
  const [phase, owners] = await Promise.all([getPhase(user, phaseNumber), listOwners(user)]);
  if (!phase) notFound();
  return (
    <>
      <BackLink href={`/phases/${phase.number}`}>Phase {phase.number}</BackLink>
      <PageHeader title={`Edit phase ${phase.number}`} />
      <section className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6">
        <PhaseForm
          owners={owners}
          initial={{
            id: phase.id,
            number: phase.number,
            title: phase.title,
            goal: phase.goal,
            progress: phase.progress,
            ownerId: phase.ownerId,
            nextSteps: phase.nextSteps,
            requirements: phase.requirements,
          }}
        />
      </section>
    </>
  );
}
