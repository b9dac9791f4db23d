import { NotYetAvailable } from "@/components/shell/not-yet-available";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Backlog" };

export default async function Page() {
  await requireUser();
  return <NotYetAvailable title="Backlog" what="The remediation backlog arrives in a later release." />;
}
