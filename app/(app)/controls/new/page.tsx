import { ControlForm } from "@/components/controls/control-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listOwners } from "@/lib/controls/controls";
import { criterionOptions } from "@/lib/criteria/criterion-options";

export const metadata = { title: "New control" };

export default async function NewControlPage({
  searchParams,
}: {
  searchParams: Promise<{ criterion?: string }>;
}) {
  const user = await requireUser("controls.write");
  const [owners, criteria] = await Promise.all([listOwners(user), criterionOptions(user)]);
  const preset = (await searchParams).criterion;
  return (
    <>
      <PageHeader
        title="New control"
        description="Describe the control, who owns it, where it lives, and which criteria it satisfies."
      />
      <div className="max-w-3xl rounded-xl border border-slate-200 bg-white p-6">
        <ControlForm
          owners={owners}
          criteria={criteria}
          initial={{
            title: "",
            description: "",
            ownerId: user.id,
            implementation: "not_started",
            naJustification: null,
            frequency: null,
            locations: [],
            criteria: preset && criteria.some((c) => c.id === preset) ? [preset] : [],
          }}
        />
      </div>
    </>
  );
}
