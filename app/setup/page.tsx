import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/lib/users/setup";

export const metadata = { title: "First-run setup" };

// Exists only until the first account does.
export default async function SetupPage() {
  if (!(await needsSetup())) notFound();
  return (
    <AuthCard title="Create the first administrator">
      <p className="mb-4 text-sm text-slate-600">
        This account is the compliance officer: it manages users, auditor access and the scope. This
        page disappears once it exists.
      </p>
      <SetupForm />
    </AuthCard>
  );
}
