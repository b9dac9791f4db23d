import Link from "next/link";
import { logoutAction } from "@/lib/actions/auth-actions";
import { ROLE_LABELS, type SessionUser } from "@/lib/auth/types";
import { lastAccessDay } from "@/lib/auth/access";
import { can, type Capability } from "@/lib/auth/capabilities";
import { NavLinks, type NavItem } from "./nav-links";

// Each page, and the capability its page asks for.
const NAV: (NavItem & { capability: Capability })[] = [
  { href: "/", label: "Overview", capability: "workspace.read" },
  { href: "/criteria", label: "Criteria", capability: "workspace.read" },
  { href: "/controls", label: "Controls", capability: "workspace.read" },
  { href: "/coverage", label: "Coverage", capability: "workspace.read" },
  { href: "/evidence", label: "Evidence", capability: "evidence.read" },
  { href: "/tests", label: "Test results", capability: "results.read" },
  { href: "/audit", label: "Audit events", capability: "audit.read" },
  { href: "/phases", label: "Phases", capability: "workspace.read" },
  { href: "/backlog", label: "Backlog", capability: "workspace.read" },
  { href: "/scans", label: "Scans", capability: "workspace.read" },
  { href: "/scans/code", label: "Code audit", capability: "workspace.read" },
  { href: "/activity", label: "Activity log", capability: "activity.read" },
  { href: "/settings", label: "Settings", capability: "workspace.read" },
  { href: "/account", label: "Your account", capability: "account.manage" },
];

function navFor(user: SessionUser): NavItem[] {
  return NAV.filter((item) => can(user, item.capability)).map(({ href, label }) => ({
    href,
    label,
  }));
}

export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <nav
        aria-label="Main"
        className="flex w-56 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white p-4"
      >
        <p className="px-3 text-lg font-semibold text-indigo-700">Trustboard</p>
        <NavLinks items={navFor(user)} />
        <div className="mt-auto flex flex-col gap-2 px-3 text-xs text-slate-600">
          <p data-testid="current-user" className="break-all font-medium text-slate-800">
            {user.email}
          </p>
          <p data-testid="current-role">{ROLE_LABELS[user.role]}</p>
          {user.accessExpiresAt && <p>Access until {lastAccessDay(user.accessExpiresAt)}</p>}
          <Link href="/account/security" data-testid="account-security" className="underline">
            Sign-in security
          </Link>
          <form action={logoutAction}>
            <button
              type="submit"
              data-testid="sign-out"
              className="mt-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            >
              Sign out
            </button>
          </form>
        </div>
      </nav>
      <main className="min-w-0 flex-1 p-8">{children}</main>
    </div>
  );
}
