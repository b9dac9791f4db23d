import { BacklogForm } from "@/components/backlog/backlog-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { backlogFormOptions } from "@/lib/backlog/form-options";

export const metadata = { title: "New backlog item" };

export default async function NewBacklogItemPage() {
  const user = await requireUser("backlog.write");
  const options = await backlogFormOptions(user);
  return (
    <>
      <BackLink href="/backlog">Backlog</BackLink>
      <PageHeader title="New backlog item" />
      <section className="max-w-4xl rounded-xl border border-slate-200 bg-white p-6">
        <BacklogForm
          {...options}
          initial={{
            key: "",
            title: "",
            description: "",
            priority: "P2",
            ownerId: user.id,
            dueDate: "",
            controls: [],
            criteria: [],
            riskBefore: null,
            riskAfter: null,
          }}
        />
      </section>
    </>
  );
}
