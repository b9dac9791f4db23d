import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { needsSetup } from "@/lib/users/setup";
import { getSessionUser } from "@/lib/auth/session";
import { SIGN_IN_REFUSED } from "@/lib/users/sign-in-messages";
import { SSO_NOTICES } from "@/lib/auth/factor-refusals";
import { oidcSettings } from "@/lib/auth/oidc-config";
import { PasskeySignInButton } from "@/components/auth/passkey-sign-in-button";
import { SsoButton } from "@/components/auth/sso-button";

export const metadata = { title: "Sign in" };

const NOTICES: Record<string, string | undefined> = { ...SIGN_IN_REFUSED, ...SSO_NOTICES };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  if (await needsSetup()) redirect("/setup");
  if (await getSessionUser()) redirect("/");
  const params = await searchParams;
  const sso = oidcSettings();
  // Own keys only: "?reason=constructor" must not reach Object.prototype.
  const notice = params.reason
    ? typeof params.reason === "string" && Object.hasOwn(NOTICES, params.reason)
      ? NOTICES[params.reason]
      : undefined
    : params.setup === "done"
      ? "Administrator created. Sign in to continue."
      : undefined;
  return (
    <AuthCard title="Sign in">
      {notice && (
        <p
          data-testid="login-notice"
          className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {notice}
        </p>
      )}
      <LoginForm />
      {/* Issue 11: passwordless passkeys and single sign-on. */}
      <div className="mt-4 flex flex-col gap-2 border-t border-slate-200 pt-4">
        <PasskeySignInButton />
        {sso && <SsoButton name={sso.name} />}
      </div>
    </AuthCard>
  );
}
