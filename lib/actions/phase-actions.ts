"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { WRITERS } from "@/lib/auth/guard";
import {
  createPhase,
  updatePhase,
  addPhaseItem,
  removePhaseItem,
  setPhaseItemDone,
  setPhaseItemEvidence,
} from "@/lib/phases/phase-writes";
import { addMustHave, editMustHave, removeMustHave, verifyMustHave } from "@/lib/phases/must-haves";
import {
  itemDoneSchema,
  itemEvidenceSchema,
  mustHaveEditSchema,
  mustHaveSchema,
  phaseItemSchema,
  phaseSchema,
  verifySchema,
} from "@/lib/phases/schemas";
import { backlogFromMustHave } from "@/lib/backlog/from-must-have";
import { redirectWhenDone, safeAction, type ActionState } from "./safe-action";

const done = () => revalidatePath("/", "layout");

const create = safeAction({
  roles: WRITERS,
  schema: phaseSchema,
  what: "create phases",
  async run(input, user) {
    const n = await createPhase(user, input);
    done();
    return `created:${n}`;
  },
});

const update = safeAction({
  roles: WRITERS,
  schema: z.intersection(z.object({ id: z.uuid() }), phaseSchema),
  what: "edit phases",
  async run({ id, ...input }, user) {
    const n = await updatePhase(user, id, input);
    done();
    return `saved:${n}`;
  },
});

const addItem = safeAction({
  roles: WRITERS,
  schema: phaseItemSchema,
  what: "edit phases",
  async run(input, user) {
    await addPhaseItem(user, input);
    done();
    return "Item added.";
  },
});

const tick = safeAction({
  roles: WRITERS,
  schema: itemDoneSchema,
  what: "tick phase deliverables",
  async run({ itemId, done: isDone }, user) {
    await setPhaseItemDone(user, itemId, isDone);
    done();
    return isDone ? "Ticked." : "Unticked.";
  },
});

const linkEvidence = safeAction({
  roles: WRITERS,
  schema: itemEvidenceSchema,
  what: "link evidence to deliverables",
  async run({ itemId, evidenceId }, user) {
    await setPhaseItemEvidence(user, itemId, evidenceId);
    done();
    return evidenceId ? "Evidence linked." : "Evidence unlinked.";
  },
});

const addTruth = safeAction({
  roles: WRITERS,
  schema: mustHaveSchema,
  what: "edit phases",
  async run(input, user) {
    await addMustHave(user, input);
    done();
    return "Must-have added.";
  },
});

const verify = safeAction({
  roles: WRITERS,
  schema: verifySchema,
  what: "verify must-haves",
  async run(input, user) {
    const message = await verifyMustHave(user, input);
    done();
    return message;
  },
});

const removeItem = safeAction({
  roles: WRITERS,
  schema: z.object({ itemId: z.uuid() }),
  what: "edit phases",
  async run({ itemId }, user) {
    await removePhaseItem(user, itemId);
    done();
    return "Item removed.";
  },
});

const editTruth = safeAction({
  roles: WRITERS,
  schema: mustHaveEditSchema,
  what: "edit phases",
  async run(input, user) {
    const message = await editMustHave(user, input);
    done();
    return message;
  },
});

const removeTruth = safeAction({
  roles: WRITERS,
  schema: z.object({ mustHaveId: z.uuid() }),
  what: "edit phases",
  async run({ mustHaveId }, user) {
    await removeMustHave(user, mustHaveId);
    done();
    return "Must-have removed.";
  },
});

const toBacklog = safeAction({
  roles: WRITERS,
  schema: z.object({ mustHaveId: z.uuid() }),
  what: "create backlog items",
  async run({ mustHaveId }, user) {
    const key = await backlogFromMustHave(user, mustHaveId);
    done();
    return `created:${key}`;
  },
});

export async function createPhaseAction(prev: ActionState, form: FormData): Promise<ActionState> {
  return redirectWhenDone(await create(prev, form), (id) => `/phases/${id}`);
}
export async function updatePhaseAction(prev: ActionState, form: FormData): Promise<ActionState> {
  return redirectWhenDone(await update(prev, form), (id) => `/phases/${id}`);
}
export async function addPhaseItemAction(prev: ActionState, form: FormData) {
  return addItem(prev, form);
}
export async function setPhaseItemDoneAction(prev: ActionState, form: FormData) {
  return tick(prev, form);
}
export async function setPhaseItemEvidenceAction(prev: ActionState, form: FormData) {
  return linkEvidence(prev, form);
}
export async function addMustHaveAction(prev: ActionState, form: FormData) {
  return addTruth(prev, form);
}
export async function verifyMustHaveAction(prev: ActionState, form: FormData) {
  return verify(prev, form);
}
export async function mustHaveToBacklogAction(
  prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  return redirectWhenDone(await toBacklog(prev, form), (id) => `/backlog/${id}`);
}
export async function removePhaseItemAction(prev: ActionState, form: FormData) {
  return removeItem(prev, form);
}
export async function removeMustHaveAction(prev: ActionState, form: FormData) {
  return removeTruth(prev, form);
}
export async function editMustHaveAction(prev: ActionState, form: FormData) {
  return editTruth(prev, form);
}
