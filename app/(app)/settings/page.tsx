import { AddUserForm } from "@/components/settings/add-user-form";
import { ScopeForm } from "@/components/settings/scope-form";
import { AuditPeriodForm } from "@/components/settings/audit-period-form";
import { UsersTable } from "@/components/settings/users-table";
import { TokensSection } from "@/components/settings/tokens-section";
import { PageHeader } from "@/components/ui/page-header";
import { PackagesSection } from "@/components/packages/packages-section";
import { resolvePeriod } from "@/lib/package/period";
import { signingKeyInfo } from "@/lib/package/signing-key-info";
import { listStoredPackages } from "@/lib/package/stored-packages";
import { can } from "@/lib/auth/capabilities";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_TOKEN_DAYS, listTokens, ownerProblem } from "@/lib/collectors/tokens";
import { addDays, isoDay } from "@/lib/dates";
import { listUsers } from "@/lib/users/users";
import { pendingInvitations } from "@/lib/auth/invitations";
import { RolePolicySection } from "@/components/settings/role-policy-section";
import { listRolePolicies } from "@/lib/auth/role-policy";
import { oidcConfigured } from "@/lib/auth/oidc-config";
import { getWorkspace } from "@/lib/workspace/workspace";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("workspace.read");
  const workspace = await getWorkspace(user);
  const configure = can(user, "workspace.configure");
  const manageUsers = can(user, "users.manage");
  const manageTokens = can(user, "tokens.manage");
  const users = manageUsers ? await listUsers(user) : [];
  const invitations = manageUsers ? await pendingInvitations(user) : new Map();
  const rolePolicies = manageUsers ? await listRolePolicies(user) : [];
  const tokens = manageTokens ? await listTokens(user) : [];
  const downloadPackages = can(user, "package.download");
  const packages = downloadPackages ? await listStoredPackages(user) : [];
  const signingKey = await signingKeyInfo(user);
  const day = (d: Date | null) => (d ? isoDay(d) : null);
  return (
    <>
      <PageHeader
        title="Settings"
        description={
          configure
            ? "Scope of the audit and who has access."
            : "The scope of the audit. Only the compliance officer can change it."
        }
      />
      <section className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-3 text-lg font-semibold">Categories in scope</h2>
        <ScopeForm inScope={workspace.categoriesInScope} editable={configure} />
      </section>
      <section className="mb-8 rounded-xl border border-slate-200 bg-white p-6">
        <h2 className="mb-1 text-lg font-semibold">Audit period</h2>
        <p className="mb-3 text-sm text-slate-600">
          Evidence counts towards operating effectiveness only when dated inside this period.
        </p>
        <AuditPeriodForm
          start={day(workspace.auditPeriodStart) ?? ""}
          end={day(workspace.auditPeriodEnd) ?? ""}
          editable={configure}
        />
      </section>
      {(downloadPackages || can(user, "package.create")) && (
        <PackagesSection
          packages={packages}
          canCreate={can(user, "package.create")}
          canDownload={downloadPackages}
          period={resolvePeriod({}, workspace, new Date())}
          signingKey={signingKey}
        />
      )}
      {(manageUsers || manageTokens) && (
        <section className="flex flex-col gap-4">
          {manageUsers && (
            <>
              <h2 className="text-lg font-semibold">Users</h2>
              <div className="rounded-xl border border-slate-200 bg-white p-6">
                <h3 className="mb-3 font-medium">Invite a user</h3>
                <AddUserForm />
              </div>
              <UsersTable users={users} selfId={user.id} invitations={invitations} />
              <RolePolicySection policies={rolePolicies} sso={oidcConfigured()} />
            </>
          )}
          {manageTokens && (
            <>
              <h2 className="mt-6 text-lg font-semibold">API tokens</h2>
              <div className="rounded-xl border border-slate-200 bg-white p-6">
                <p className="mb-3 text-sm text-slate-600">
                  For CI:{" "}
                  <code>
                    curl -H &quot;Authorization: Bearer $TOKEN&quot; -H &quot;Content-Type:
                    application/xml&quot; --data-binary @junit.xml $TRUSTBOARD/api/v1/test-results
                  </code>
                  . A token pushes only the streams chosen for it, can be bound to one source name
                  and to the controls or criteria it may evidence, expires (one year unless you
                  choose), and stops working when the administrator answering for it is deactivated
                  or demoted — until another administrator takes it over.
                </p>
                <TokensSection
                  defaultExpiry={isoDay(addDays(new Date(), DEFAULT_TOKEN_DAYS))}
                  tokens={tokens.map((t) => ({
                    id: t.id,
                    name: t.name,
                    prefix: t.prefix,
                    scopes: t.scopes,
                    source: t.source,
                    evidences: t.evidences,
                    expires: day(t.expiresAt),
                    lastUsed: day(t.lastUsedAt),
                    revoked: t.revokedAt !== null,
                    owner: t.owner?.email ?? null,
                    ownerProblem: ownerProblem(t.owner),
                  }))}
                />
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
