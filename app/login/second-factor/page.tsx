// The second step of a password sign-in, for the account named by the sealed pending cookie.
import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { PasskeySignInButton } from "@/components/auth/passkey-sign-in-button";
import { PENDING_COOKIE, pendingUserId } from "@/lib/auth/sign-in-providers";
import { getSessionUser } from "@/lib/auth/session";

export const metadata = { title: "Second factor" };

export default async function SecondFactorSignInPage() {
  if (await getSessionUser()) redirect("/");
  const jar = await cookies();
  const pending = jar.get(PENDING_COOKIE);
  if (!pending || !pendingUserId(`${PENDING_COOKIE}=${encodeURIComponent(pending.value)}`))
    redirect("/login?reason=pending_expired");
  return (
    <AuthCard title="Second factor">
      <p className="mb-4 text-sm text-slate-600">
        Enter the code from your authenticator app, one of your recovery codes, or use a passkey.
      </p>
      <SecondFactorForm />
      <div className="mt-4">
        <PasskeySignInButton label="Use a passkey" />
      </div>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-slate-600 underline">
          Start again
        </Link>
      </p>
    </AuthCard>
  );
}
