import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db/tx";
import { createControl } from "@/lib/controls/controls";
import { addDays, sharedDates, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { loadControlsForStatus } from "./load-controls";
import { resolveExpiry } from "./expiry";
import { loadRemediation, remediationSignalsAt } from "./remediation-load";
import { backlogSignal } from "./remediation-signals";
import type { Signal } from "./types";

const today = startOfUtcDay(new Date());
const ago = (n: number) => addDays(today, -n);

/** The nested findMany status read controls with before its raw query (load-controls.ts). */
const referenceControls = (prisma: Tx) =>
  prisma.control.findMany({
    where: { archivedAt: null },
    select: {
      id: true,
      title: true,
      implementation: true,
      naJustification: true,
      frequency: true,
      createdAt: true,
      criteria: { select: { criterionId: true } },
      evidence: {
        select: {
          evidence: {
            select: {
              id: true,
              title: true,
              reviewState: true,
              evidenceDate: true,
              periodStart: true,
              periodEnd: true,
              expiresOn: true,
              renewalDays: true,
              notCurrentReason: true,
            },
          },
        },
      },
    },
  });

/** The backlog part of remediationSignals as it was, with nested relations (phases unchanged). */
async function referenceBacklogSignals(prisma: Tx, now: Date) {
  const items = await prisma.backlogItem.findMany({
    where: {
      priority: { in: ["P0", "P1"] },
      status: { in: ["open", "in_progress", "awaiting_deployment", "resolved"] },
    },
    orderBy: [{ priority: "asc" }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      title: true,
      priority: true,
      status: true,
      dueDate: true,
      controls: {
        select: {
          control: {
            select: { id: true, archivedAt: true, criteria: { select: { criterionId: true } } },
          },
        },
      },
      criteria: { select: { criterionId: true } },
    },
  });
  const push = (m: Map<string, Signal[]>, key: string, s: Signal) =>
    m.set(key, [...(m.get(key) ?? []), s]);
  const out = { controls: new Map<string, Signal[]>(), criteria: new Map<string, Signal[]>() };
  for (const item of items) {
    const signal = backlogSignal(item, now);
    if (!signal) continue;
    const viaControls = new Set<string>();
    for (const { control } of item.controls) {
      if (control.archivedAt) continue;
      push(out.controls, control.id, signal);
      control.criteria.forEach((c) => viaControls.add(c.criterionId));
    }
    for (const { criterionId } of item.criteria)
      if (!viaControls.has(criterionId)) push(out.criteria, criterionId, signal);
  }
  return out;
}

const byId = <T extends { id: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.id.localeCompare(b.id));
/** Controls in id order, their criteria and evidence sorted: the readings order them differently. */
const normalControls = <C extends { id: string; criteria: string[]; evidence: { id: string }[] }>(
  controls: C[],
) =>
  byId(controls).map((c) => ({
    ...c,
    criteria: [...c.criteria].sort(),
    evidence: byId(c.evidence),
  }));
const sortedMap = (m: Map<string, Signal[]>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));

describe("status loaders in flat SQL", () => {
  it("read the same controls, evidence and backlog signals as the nested queries they replaced", async () => {
    const prisma = await db();
    const admin = await makeUser("admin");
    const base = {
      description: "",
      ownerId: admin.id,
      implementation: "implemented" as const,
      naJustification: null,
      locations: [],
    };
    const a = await createControl(admin, { ...base, title: "A", criteria: ["CC6.1", "CC6.2"] });
    const b = await createControl(admin, {
      ...base,
      title: "B",
      criteria: ["CC7.2"],
      frequency: "monthly",
    });
    const none = await createControl(admin, {
      ...base,
      title: "No criteria",
      implementation: "not_applicable",
      naJustification: "Not used",
      criteria: [],
    });
    const archived = await createControl(admin, { ...base, title: "Old", criteria: ["CC8.1"] });
    await prisma.control.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    for (const [i, links, state, extra] of [
      [1, [a.id, b.id], "accepted", { renewalDays: 90 }],
      [2, [a.id], "expired", { expiresOn: ago(3), periodStart: ago(40), periodEnd: ago(10) }],
      [3, [b.id, archived.id], "draft", { notCurrentReason: "superseded" }],
      [4, [archived.id], "accepted", {}],
    ] as const)
      await prisma.evidence.create({
        data: {
          title: `Evidence ${i}`,
          kind: "note",
          body: "x",
          evidenceDate: ago(i * 5),
          reviewState: state,
          ...extra,
          controls: { create: links.map((controlId) => ({ controlId })) },
        },
      });
    const item = (
      key: string,
      priority: "P0" | "P1" | "P2",
      status: "open" | "in_progress" | "resolved" | "verified",
      controls: string[],
      criteria: string[],
      dueDate: Date | null = null,
    ) =>
      prisma.backlogItem.create({
        data: {
          key,
          title: `Item ${key}`,
          priority,
          status,
          dueDate,
          controls: { create: controls.map((controlId) => ({ controlId })) },
          criteria: { create: criteria.map((criterionId) => ({ criterionId })) },
        },
      });
    await item("BL-2", "P1", "in_progress", [a.id], ["CC6.1", "CC9.1"], ago(2));
    await item("BL-1", "P0", "open", [a.id, b.id, archived.id], ["CC8.1"], addDays(today, 9));
    await item("BL-3", "P1", "resolved", [archived.id], ["CC8.1"]);
    await item("BL-4", "P0", "verified", [b.id], []);
    await item("BL-5", "P2", "open", [b.id], ["CC7.2"]);
    await item("BL-6", "P0", "open", [none.id], []);
    // Linked to nothing (or only to an archived control): holds nothing back, not even loaded.
    await item("BL-7", "P0", "open", [], []);
    await item("BL-8", "P1", "open", [archived.id], []);

    // The computation's reading: the reference's controls, evidence as the engine's input.
    const forStatus = await loadControlsForStatus(prisma, sharedDates());
    const referenceInput = (await referenceControls(prisma)).map((c) => ({
      id: c.id,
      title: c.title,
      implementation: c.implementation,
      naJustification: c.naJustification,
      frequency: c.frequency,
      createdAt: c.createdAt,
      criteria: c.criteria.map((x) => x.criterionId),
      evidence: c.evidence.map(({ evidence: e }) => ({
        id: e.id,
        title: e.title,
        state: e.reviewState,
        evidenceDate: e.evidenceDate,
        periodStart: e.periodStart,
        periodEnd: e.periodEnd,
        expiresAt: resolveExpiry(e),
        notCurrentReason: e.notCurrentReason,
      })),
    }));
    expect(normalControls(forStatus)).toEqual(normalControls(referenceInput));
    expect(forStatus.flatMap((c) => c.evidence).some((e) => e.expiresAt !== null)).toBe(true);
    const now = new Date();
    const fast = remediationSignalsAt(await loadRemediation(prisma), now);
    const reference = await referenceBacklogSignals(prisma, now);
    expect(sortedMap(fast.controls)).toEqual(sortedMap(reference.controls));
    expect(sortedMap(fast.criteria)).toEqual(sortedMap(reference.criteria));
    // The fixture reaches what is compared: an archived control's item only on its criterion,
    // items in priority then key order, a direct criterion already reached through a control.
    expect(fast.controls.get(a.id)?.map((s) => s.source.id)).toEqual(["BL-1", "BL-2"]);
    expect(fast.controls.has(archived.id)).toBe(false);
    expect(fast.criteria.get("CC8.1")?.map((s) => s.source.id)).toEqual(["BL-1", "BL-3"]);
    expect(fast.criteria.has("CC6.1")).toBe(false);
    expect(fast.criteria.get("CC9.1")?.map((s) => s.source.id)).toEqual(["BL-2"]);
    const everywhere = [...fast.controls.values(), ...fast.criteria.values()].flat();
    expect(everywhere.some((s) => s.source.id === "BL-7" || s.source.id === "BL-8")).toBe(false);
  });
});
