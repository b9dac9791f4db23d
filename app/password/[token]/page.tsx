import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { inspectCredentialLink } from "@/lib/auth/invitations";

export const metadata = { title: "Choose your password" };

const REFUSED = {
  unknown: "This link is not valid. Ask your administrator for a new one.",
  expired: "This link has expired. Ask your administrator for a new one.",
  used: "This link has already been used.",
  revoked: "A newer link replaced this one. Use the latest link you were sent.",
} as const;

// Where invitation and password-reset links lead. The token in the path is the credential.
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await inspectCredentialLink(token);
  if (view.state !== "valid")
    return (
      <AuthCard title="Choose your password">
        <p data-testid="link-refused" className="rounded-md bg-amber-50 px-3 py-2 text-sm">
          {REFUSED[view.state]}
        </p>
        <p className="mt-4 text-sm">
          <Link href="/login" className="text-indigo-700 underline">
            Go to sign-in
          </Link>
        </p>
      </AuthCard>
    );
  return (
    <AuthCard
      title={view.purpose === "invitation" ? "Welcome to Trustboard" : "Reset your password"}
    >
      <p className="mb-4 text-sm text-slate-600" data-testid="link-account">
        Choose the password for <strong>{view.email}</strong>. At least 12 characters, not a common
        password. {view.purpose === "reset" && "Every session of this account will be signed out."}
      </p>
      <SetPasswordForm token={token} email={view.email} />
    </AuthCard>
  );
}
