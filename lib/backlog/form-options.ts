import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { listControlOptions, listOwners } from "@/lib/controls/controls";
import { criterionOptions } from "@/lib/criteria/criterion-options";

/** What the backlog item form offers: owners, controls (by ref) and criteria. */
export async function backlogFormOptions(actor: Actor | null) {
  authorize(actor, "workspace.read");
  const [owners, controls, criteria] = await Promise.all([
    listOwners(actor),
    listControlOptions(actor),
    criterionOptions(actor),
  ]);
  return {
    owners,
    controls: controls.map((c) => ({ id: c.id, label: c.ref, title: c.title })),
    criteria,
  };
}
