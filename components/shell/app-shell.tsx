import { logoutAction } from "@/lib/actions/auth-actions";
import { ROLE_LABELS, type SessionUser } from "@/lib/auth/types";
import { lastAccessDay } from "@/lib/auth/access";
import { NavLinks, type NavItem } from "./nav-links";

function navFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: "Overview" },
    { href: "/criteria", label: "Criteria" },
    { href: "/controls", label: "Controls" },
    { href: "/evidence", label: "Evidence" },
    { href: "/tests", label: "Test results" },
    { href: "/audit", label: "Audit events" },
    { href: "/phases", label: "Phases" },
    { href: "/backlog", label: "Backlog" },
  ];
  if (user.role !== "engineer") items.push({ href: "/activity", label: "Activity log" });
  items.push({ href: "/settings", label: "Settings" });
  return items;
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
