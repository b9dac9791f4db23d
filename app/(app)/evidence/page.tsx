import { NotYetAvailable } from "@/components/shell/not-yet-available";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Evidence" };

export default async function Page() {
  await requireUser();
  return <NotYetAvailable title="Evidence" what="Uploading and reviewing evidence (files, links, notes, automated results) arrives in the next release." />;
}
