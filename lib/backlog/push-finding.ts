// Findings pushed by scanners and other collectors (POST /api/v1/findings): each becomes a
// backlog item of origin "collector". Pushing the same finding again (same key, or the same
// title while an earlier item is still open) answers with the existing item instead of a copy.
import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { parseIsoDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { insertBacklogItem } from "./backlog-writes";
import type { FindingBody } from "./schemas";
import { OPEN_STATUSES } from "./workflow";
import { boundSource } from "@/lib/collectors/test-results/token-binding";

export interface PushedFinding {
  created: boolean;
  key: string;
  /** Control refs and criteria the body named outside the token's binding: not linked. */
  ignoredTags: string[];
}

/**
 * A finding holds the controls and criteria it names at risk (an open P0 makes them a gap), so a
 * token bound to some controls and criteria (issue 10) may only name those: the others are left
 * out and reported back, as for test results' tags. Unbound tokens and people name any.
 */
function withinBinding(actor: Actor, body: FindingBody) {
  const binding = actor.kind === "token" ? actor.evidences : [];
  const controls = [...new Set(body.controls.map((r) => r.toUpperCase()))];
  const criteria = [...new Set(body.criteria)];
  if (!binding.length) return { controls, criteria, ignored: [] };
  const allowed = new Set(binding);
  return {
    controls: controls.filter((r) => allowed.has(r)),
    criteria: criteria.filter((c) => allowed.has(c.toUpperCase())),
    ignored: [...controls, ...criteria].filter((r) => !allowed.has(r.toUpperCase())).sort(),
  };
}

export async function pushFinding(actor: Actor | null, body: FindingBody): Promise<PushedFinding> {
  authorize(actor, "findings.ingest");
  const source = boundSource(actor, body.source);
  const bound = withinBinding(actor, body);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const existing = body.key
      ? await tx.backlogItem.findUnique({ where: { key: body.key }, select: { key: true } })
      : await tx.backlogItem.findFirst({
          where: { origin: "collector", title: body.title, status: { in: [...OPEN_STATUSES] } },
          select: { key: true },
        });
    if (existing) return { created: false, key: existing.key, ignoredTags: bound.ignored };
    const refs = bound.controls;
    const controls = await tx.control.findMany({
      where: { ref: { in: refs }, archivedAt: null },
      select: { id: true, ref: true },
    });
    const unknown = refs.filter((r) => !controls.some((c) => c.ref === r));
    // The body names them: a bad request (400), not a missing resource.
    if (unknown.length)
      throw invalid(`Unknown or archived control ref(s): ${unknown.join(", ")}.`, "controls");
    const { key } = await insertBacklogItem(
      tx,
      actor,
      {
        key: body.key ?? null,
        title: body.title,
        description: body.description,
        priority: body.priority,
        ownerId: null,
        dueDate: body.dueDate ? parseIsoDay(body.dueDate) : null,
        controls: controls.map((c) => c.id),
        criteria: bound.criteria,
        checklist: body.checklist,
        riskBefore: null,
        riskAfter: null,
      },
      {
        origin: "collector",
        originNote: source ? `Pushed by ${source} (${actor.email})` : `Pushed by ${actor.email}`,
      },
    );
    return { created: true, key, ignoredTags: bound.ignored };
  });
}
