import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordSection } from "@/components/account/change-password-section";
import { SessionsSection } from "@/components/account/sessions-section";
import { ROLE_LABELS } from "@/lib/auth/types";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Your account" };

// One section component per concern, so more (a second factor) can be added beside them.
export default async function AccountPage() {
  const user = await requireUser("account.manage");
  return (
    <>
      <PageHeader title="Your account" description={`${user.email} — ${ROLE_LABELS[user.role]}`} />
      <div className="mb-8 flex flex-col gap-8">
        <ChangePasswordSection />
        <SessionsSection />
      </div>
    </>
  );
}
