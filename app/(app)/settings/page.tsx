import { AddUserForm } from "@/components/settings/add-user-form";
import { ScopeForm } from "@/components/settings/scope-form";
import { AuditPeriodForm } from "@/components/settings/audit-period-form";
import { UsersTable } from "@/components/settings/users-table";
import { TokensSection } from "@/components/settings/tokens-section";
import { listApiTokens } from "@/lib/collectors/token-admin";
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
  const tokens = isAdmin ? await listApiTokens(user) : [];
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          isAdmin
            ? "Scope of the audit and who has access."
            : "The scope of the audit. Only the compliance officer can change it."
        }
      />
      <section className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-lg font-semibold">Categories in scope</h2>
        <ScopeForm inScope={workspace.categoriesInScope} editable={isAdmin} />
      </section>
      <section className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-1 text-lg font-semibold">Audit period</h2>
        <p className="mb-3 text-sm text-slate-600">
          Evidence counts towards operating effectiveness only when dated inside this period.
        </p>
        <AuditPeriodForm
          start={workspace.auditPeriodStart?.toISOString().slice(0, 10) ?? ""}
          end={workspace.auditPeriodEnd?.toISOString().slice(0, 10) ?? ""}
          editable={isAdmin}
        />
      </section>
      {isAdmin && (
        <section className="flex flex-col gap-4">
          <h2 className="text-lg font-semibold">Users</h2>
          <div className="rounded-xl border border-slate-200 bg-white p-6">
            <h3 className="mb-3 font-medium">Add a user</h3>
            <AddUserForm />
          </div>
          <UsersTable users={users} selfId={user.id} />
          <h2 className="mt-6 text-lg font-semibold">API tokens</h2>
          <div className="rounded-xl border border-slate-200 bg-white p-6">
            <p className="mb-3 text-sm text-slate-600">
              For CI:{" "}
              <code>
                curl -H &quot;Authorization: Bearer $TOKEN&quot; -H &quot;Content-Type:
                application/xml&quot; --data-binary @junit.xml $TRUSTBOARD/api/v1/test-results
              </code>
              . Tokens can only ingest.
            </p>
            <TokensSection
              tokens={tokens.map((t) => ({
                id: t.id,
                name: t.name,
                prefix: t.prefix,
                expires: day(t.expiresAt),
                lastUsed: day(t.lastUsedAt),
                revoked: t.revokedAt !== null,
              }))}
            />
          </div>
        </section>
      )}
    </>
  );
}
