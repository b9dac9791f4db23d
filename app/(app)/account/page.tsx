import { PageHeader } from "@/components/ui/page-header";
import { AccountSection } from "@/components/account/account-section";
import { ChangePasswordSection } from "@/components/account/change-password-section";
import { SessionsSection } from "@/components/account/sessions-section";
import { ROLE_LABELS } from "@/lib/auth/types";
import { requireUser } from "@/lib/auth/session";
import { NO_OWN_PASSWORD_MESSAGE, ownPasswordExists } from "@/lib/users/account";

export const metadata = { title: "Your account" };

// One section component per concern, so more (a second factor) can be added beside them.
export default async function AccountPage() {
  const user = await requireUser("account.manage");
  const hasPassword = await ownPasswordExists(user);
  return (
    <>
      <PageHeader title="Your account" description={`${user.email} — ${ROLE_LABELS[user.role]}`} />
      <div className="mb-8 flex flex-col gap-8">
        {hasPassword ? (
          <ChangePasswordSection />
        ) : (
          // An account made at its first single sign-on has no password to change; offering the
          // form would only let its owner lock the account by guessing.
          <AccountSection id="change-password" title="Password">
            <p className="text-sm text-slate-700" data-testid="no-own-password">
              {NO_OWN_PASSWORD_MESSAGE}
            </p>
          </AccountSection>
        )}
        <SessionsSection />
      </div>
    </>
  );
}
