// Enrolment before anything else: outside the app shell (whose layout would send a user who
// must enrol straight back here), with only the second-factor section and a way out.
import Link from "next/link";
import { redirect } from "next/navigation";
import { SecondFactorSection } from "@/components/account/second-factor-section";
import { logoutAction } from "@/lib/actions/auth-actions";
import { resolveSession } from "@/lib/auth/session";
import { secondFactorOverview } from "@/lib/auth/second-factor";

export const metadata = { title: "Set up a second factor" };

export default async function SecondFactorEnrolmentPage() {
  const state = await resolveSession();
  if (!state.user)
    redirect(state.reason === "signed-out" ? "/login" : `/login?reason=${state.reason}`);
  const overview = await secondFactorOverview(state.user);
  const done = overview.totpEnabled || overview.passkeys.length > 0;
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 p-8">
      <div>
        <p className="text-sm font-semibold tracking-wide text-indigo-700">Trustboard</p>
        <h1 className="mt-1 text-xl font-semibold">Set up a second factor</h1>
        <p className="mt-1 text-sm text-slate-600">Signed in as {state.user.email}.</p>
      </div>
      <SecondFactorSection overview={overview} />
      <div className="flex items-center gap-4">
        {done && (
          <Link
            href="/"
            data-testid="enrolment-continue"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white"
          >
            Continue to Trustboard
          </Link>
        )}
        <form action={logoutAction}>
          <button type="submit" className="text-sm text-slate-600 underline">
            Sign out
          </button>
        </form>
      </div>
    </main>
  );
}
