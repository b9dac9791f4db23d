import { NotYetAvailable } from "@/components/shell/not-yet-available";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Controls" };

export default async function Page() {
  await requireUser();
  return <NotYetAvailable title="Controls" what="Mapping your own controls to the criteria, with computed status, arrives in the next release." />;
}
