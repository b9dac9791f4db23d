// Phases and backlog of the demo workspace (seeds 004, 001, 002, 000), written inside the
// demo's transaction with the same insert path as the forms.
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";
import { insertBacklogItem } from "@/lib/backlog/backlog-writes";
import { DEMO_PHASES, type DemoPhase } from "./demo-phases";
import { DEMO_PHASE_25 } from "./demo-phase-25";
import { DEMO_BACKLOG } from "./demo-backlog";

async function insertPhase(tx: Tx, actor: ActivityActor, ownerId: string, p: DemoPhase, at: Date) {
  const verifiedAt = p.verifiedAt ? new Date(p.verifiedAt) : at;
  const positions = new Map<string, number>();
  const phase = await tx.phase.create({
    data: {
      number: p.number,
      title: p.title,
      goal: p.goal ?? "",
      progress: p.progress,
      ownerId,
      nextSteps: p.nextSteps ?? [],
      notes: p.notes ?? "",
      requirements: { create: (p.requirements ?? []).map((r) => ({ ...r, note: r.note ?? "" })) },
      mustHaves: {
        create: (p.mustHaves ?? []).map((m, i) => ({
          position: i + 1,
          truth: m.truth,
          verdict: m.verdict,
          reason: m.reason ?? "",
          observation: m.observation,
          missing: m.missing ?? [],
          requirements: m.requirements,
          verifiedById: actor.id,
          verifiedAt,
          artifacts: {
            create: (m.artifacts ?? []).map((a) => ({
              path: a.path,
              note: a.note,
              change: "referenced" as const,
            })),
          },
        })),
      },
    },
  });
  for (const item of p.items) {
    const kind = item.kind ?? "deliverable";
    const position = (positions.get(kind) ?? 0) + 1;
    positions.set(kind, position);
    await tx.phaseItem.create({
      data: {
        phaseId: phase.id,
        kind,
        position,
        text: item.text,
        detail: (item.detail ?? []).join("\n"),
        doneAt: item.done ? at : null,
        doneById: item.done ? ownerId : null,
        files: {
          create: (item.files ?? []).map((f) => ({
            path: f.path,
            change: f.change,
            note: f.note ?? "",
          })),
        },
      },
    });
  }
  await recordActivity(tx, actor, {
    action: "phase.create",
    entityType: "phase",
    entityId: phase.id,
    summary: `Demo: phase ${p.number} "${p.title}"`,
  });
}

export async function loadDemoRemediation(
  tx: Tx,
  actor: ActivityActor,
  ownerId: string,
  now: Date,
): Promise<{ phases: number; backlogItems: number }> {
  const phases = [...DEMO_PHASES, DEMO_PHASE_25];
  for (const p of phases)
    await insertPhase(
      tx,
      actor,
      ownerId,
      p,
      new Date(Math.min(now.getTime(), new Date("2026-02-01T12:00:00Z").getTime())),
    );
  const controlIds = new Map(
    (await tx.control.findMany({ select: { id: true, title: true } })).map((c) => [c.title, c.id]),
  );
  for (const b of DEMO_BACKLOG) {
    const at = new Date(b.at);
    const { id, key } = await insertBacklogItem(
      tx,
      actor,
      {
        ...b,
        ownerId,
        dueDate: null,
        controls: b.controls
          .map((t) => controlIds.get(t))
          .filter((x): x is string => x !== undefined),
      },
      { origin: "manual", originNote: b.originNote },
      at,
    );
    if (b.status === "open") continue;
    await tx.backlogItem.update({ where: { id }, data: { status: b.status } });
    await tx.backlogTransition.create({
      data: {
        itemId: id,
        from: "open",
        to: b.status,
        actorId: actor.id,
        at: new Date(at.getTime() + 3_600_000),
        note: "Migration prepared, awaiting manual execution",
      },
    });
    await recordActivity(tx, actor, {
      action: "backlog.status",
      entityType: "backlog_item",
      entityId: id,
      summary: `${key}: Open → Awaiting deployment (demo)`,
    });
  }
  return { phases: phases.length, backlogItems: DEMO_BACKLOG.length };
}
