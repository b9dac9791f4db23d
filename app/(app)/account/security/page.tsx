import { PageHeader } from "@/components/ui/page-header";
import { SecondFactorSection } from "@/components/account/second-factor-section";
import { requireUser } from "@/lib/auth/session";
import { secondFactorOverview } from "@/lib/auth/second-factor";

export const metadata = { title: "Sign-in security" };

export default async function AccountSecurityPage() {
  const user = await requireUser("account.security");
  const overview = await secondFactorOverview(user);
  return (
    <>
      <PageHeader
        title="Sign-in security"
        description="Second factors for your account: an authenticator app, passkeys, recovery codes."
      />
      <SecondFactorSection overview={overview} />
    </>
  );
}
