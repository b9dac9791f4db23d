import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";

// The shell needs a user to render; each page and action still checks for itself.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
