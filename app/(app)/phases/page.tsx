import { NotYetAvailable } from "@/components/shell/not-yet-available";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Phases" };

export default async function Page() {
  await requireUser();
  return <NotYetAvailable title="Phases" what="Implementation phases with verified must-haves arrive in a later release." />;
}
