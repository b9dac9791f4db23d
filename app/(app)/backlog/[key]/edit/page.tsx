import { notFound } from "next/navigation";
import { decodeSegment } from "@/lib/validation/params";
import { BacklogForm } from "@/components/backlog/backlog-form";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getBacklogItem } from "@/lib/backlog/backlog-queries";
import { backlogFormOptions } from "@/lib/backlog/form-options";
import { isItemKey, riskSchema } from "@/lib/backlog/schemas";
import { isoDay } from "@/lib/dates";

export default async function EditBacklogItemPage({
  params,
}: {
  params: Promise<{ key: string }>;
}) {
  const user = await requireUser("backlog.write");
  const { key } = await params;
  const itemKey = decodeSegment(key);
  if (itemKey === null || !isItemKey(itemKey)) notFound();
  const [item, options] = await Promise.all([
    getBacklogItem(user, itemKey),
    backlogFormOptions(user),
  ]);
  if (!item) notFound();
  const risk = (v: unknown) => riskSchema.safeParse(v).data ?? null;
  return (
    <>
      <BackLink href={`/backlog/${item.key}`}>{item.key}</BackLink>
      <PageHeader title={`Edit ${item.key}`} />
      <section className="max-w-4xl rounded-xl border border-slate-200 bg-white p-6">
        <BacklogForm
          {...options}
          initial={{
            id: item.id,
            key: item.key,
            title: item.title,
            description: item.description,
            priority: item.priority,
            ownerId: item.ownerId,
            dueDate: item.dueDate ? isoDay(item.dueDate) : "",
            controls: item.controls.map((c) => c.control.id),
            criteria: item.criteria.map((c) => c.criterionId),
            riskBefore: risk(item.riskBefore),
            riskAfter: risk(item.riskAfter),
          }}
        />
      </section>
    </>
  );
}
