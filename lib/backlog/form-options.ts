import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { listControls, listOwners } from "@/lib/controls/controls";
import { criterionOptions } from "@/lib/criteria/criterion-options";

/** What the backlog item form offers: owners, controls (by ref) and criteria. */
export async function backlogFormOptions(user: SessionUser) {
  const [owners, controls, criteria] = await Promise.all([
    listOwners(user),
    listControls(user),
    criterionOptions(),
  ]);
  return {
    owners,
    controls: controls.map((c) => ({ id: c.id, label: c.ref, title: c.title })),
    criteria,
  };
}
