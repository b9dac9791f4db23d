import { EvidenceForm } from "@/components/evidence/evidence-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listControlOptions } from "@/lib/controls/controls";
import { controlChoice } from "@/lib/controls/labels";

export const metadata = { title: "Add evidence" };

export default async function NewEvidencePage({
  searchParams,
}: {
  searchParams: Promise<{ control?: string }>;
}) {
  const user = await requireUser("evidence.write");
  const controls = await listControlOptions(user);
  const preset = (await searchParams).control;
  return (
    <>
      <PageHeader
        title="Add evidence"
        description="The evidence date is when the evidenced thing happened; it decides whether the evidence falls inside the audit period."
      />
      <div className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6">
        <EvidenceForm
          controls={controls.map(controlChoice)}
          presetControl={controls.some((c) => c.id === preset) ? preset : undefined}
        />
      </div>
    </>
  );
}
