import { AddUserForm } from "@/components/settings/add-user-form";
import { ScopeForm } from "@/components/settings/scope-form";
import { AuditPeriodForm } from "@/components/settings/audit-period-form";
import { UsersTable } from "@/components/settings/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/users";
import { getWorkspace } from "@/lib/workspace/workspace";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const workspace = await getWorkspace(user);
  const isAdmin = user.role === "admin";
  const users = isAdmin ? await listUsers(user) : [];
  return (
    <>
      <PageHeader title="Settings" description={isAdmin ? "Scope of the audit and who has access." : "The scope of the audit. Only the compliance officer can change it."} />
      <section className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-lg font-semibold">Categories in scope</h2>
        <ScopeForm inScope={workspace.categoriesInScope} editable={isAdmin} />
      </section>
      <section className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-1 text-lg font-semibold">Audit period</h2>
        <p className="mb-3 text-sm text-slate-600">Evidence counts towards operating effectiveness only when dated inside this period.</p>
        <AuditPeriodForm start={workspace.auditPeriodStart?.toISOString().slice(0, 10) ?? ""} end={workspace.auditPeriodEnd?.toISOString().slice(0, 10) ?? ""} editable={isAdmin} />
      </section>
      {isAdmin && (
        <section className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold">Users</h2>
          <div className="rounded-xl border border-slate-200 bg-white p-6">
            <h3 className="mb-3 font-medium">Add a user</h3>
            <AddUserForm />
          </div>
          <UsersTable users={users} selfId={user.id} />
        </section>
      )}
    </>
  );
}
