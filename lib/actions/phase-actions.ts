"use server";
import { backlogFromMustHave } from "@/lib/backlog/from-must-have";
import { addMustHave, editMustHave, removeMustHave, verifyMustHave } from "@/lib/phases/must-haves";
import {
  addPhaseItem,
  createPhase,
  removePhaseItem,
  setPhaseItemDone,
  setPhaseItemEvidence,
  updatePhase,
} from "@/lib/phases/phase-writes";
import {
  itemDoneSchema,
  itemEvidenceSchema,
  mustHaveEditSchema,
  mustHaveIdSchema,
  mustHaveSchema,
  phaseItemIdSchema,
  phaseItemSchema,
  phaseSchema,
  updatePhaseSchema,
  verifySchema,
} from "@/lib/phases/schemas";
import { defineAction } from "./safe-action";

export const createPhaseAction = defineAction({
  capability: "phases.write",
  schema: phaseSchema,
  async run(input, user) {
    const n = await createPhase(user, input);
    return { message: `Created phase ${n}.`, redirectTo: `/phases/${n}` };
  },
});

export const updatePhaseAction = defineAction({
  capability: "phases.write",
  schema: updatePhaseSchema,
  async run({ id, ...input }, user) {
    const n = await updatePhase(user, id, input);
    return { message: `Saved phase ${n}.`, redirectTo: `/phases/${n}` };
  },
});

export const addPhaseItemAction = defineAction({
  capability: "phases.write",
  schema: phaseItemSchema,
  async run(input, user) {
    await addPhaseItem(user, input);
    return "Item added.";
  },
});

export const setPhaseItemDoneAction = defineAction({
  capability: "phases.write",
  schema: itemDoneSchema,
  async run({ itemId, done }, user) {
    await setPhaseItemDone(user, itemId, done);
    return done ? "Ticked." : "Unticked.";
  },
});

export const setPhaseItemEvidenceAction = defineAction({
  capability: "phases.write",
  schema: itemEvidenceSchema,
  async run({ itemId, evidenceId }, user) {
    await setPhaseItemEvidence(user, itemId, evidenceId);
    return evidenceId ? "Evidence linked." : "Evidence unlinked.";
  },
});

export const removePhaseItemAction = defineAction({
  capability: "phases.write",
  schema: phaseItemIdSchema,
  async run({ itemId }, user) {
    await removePhaseItem(user, itemId);
    return "Item removed.";
  },
});

export const addMustHaveAction = defineAction({
  capability: "phases.write",
  schema: mustHaveSchema,
  async run(input, user) {
    await addMustHave(user, input);
    return "Must-have added.";
  },
});

export const verifyMustHaveAction = defineAction({
  capability: "phases.write",
  schema: verifySchema,
  run: (input, user) => verifyMustHave(user, input),
});

export const editMustHaveAction = defineAction({
  capability: "phases.write",
  schema: mustHaveEditSchema,
  run: (input, user) => editMustHave(user, input),
});

export const removeMustHaveAction = defineAction({
  capability: "phases.write",
  schema: mustHaveIdSchema,
  async run({ mustHaveId }, user) {
    await removeMustHave(user, mustHaveId);
    return "Must-have removed.";
  },
});

/** A FAILED or PARTIAL must-have becomes a backlog item: a backlog write, not a phase edit. */
export const mustHaveToBacklogAction = defineAction({
  capability: "backlog.write",
  schema: mustHaveIdSchema,
  async run({ mustHaveId }, user) {
    const key = await backlogFromMustHave(user, mustHaveId);
    return { message: `Created ${key}.`, redirectTo: `/backlog/${key}` };
  },
});
