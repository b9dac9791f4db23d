"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { WRITERS } from "@/lib/auth/guard";
import {
  addBacklogCheck,
  createBacklogItem,
  removeBacklogCheck,
  setBacklogCheck,
  transitionBacklogItem,
  updateBacklogItem,
} from "@/lib/backlog/backlog-writes";
import {
  addCheckSchema,
  backlogSchema,
  checkSchema,
  findingSchema,
  transitionSchema,
} from "@/lib/backlog/schemas";
import { backlogFromFinding } from "@/lib/backlog/from-finding";
import { redirectWhenDone, safeAction, type ActionState } from "./safe-action";

const done = () => revalidatePath("/", "layout");

const create = safeAction({
  roles: WRITERS,
  schema: backlogSchema,
  what: "create backlog items",
  async run(input, user) {
    const key = await createBacklogItem(user, input);
    done();
    return `created:${key}`;
  },
});

const update = safeAction({
  roles: WRITERS,
  schema: z.intersection(z.object({ id: z.uuid() }), backlogSchema),
  what: "edit backlog items",
  async run({ id, ...input }, user) {
    const key = await updateBacklogItem(user, id, input);
    done();
    return `saved:${key}`;
  },
});

const transition = safeAction({
  roles: WRITERS,
  schema: transitionSchema,
  what: "change backlog items",
  async run(input, user) {
    const message = await transitionBacklogItem(user, input);
    done();
    return message;
  },
});

const check = safeAction({
  roles: WRITERS,
  schema: checkSchema,
  what: "check verification items",
  async run({ checkId, checked }, user) {
    await setBacklogCheck(user, checkId, checked);
    done();
    return checked ? "Checked." : "Unchecked.";
  },
});

const addCheck = safeAction({
  roles: WRITERS,
  schema: addCheckSchema,
  what: "edit backlog items",
  async run({ itemId, text }, user) {
    await addBacklogCheck(user, itemId, text);
    done();
    return "Check added.";
  },
});

const removeCheck = safeAction({
  roles: WRITERS,
  schema: z.object({ checkId: z.uuid() }),
  what: "edit backlog items",
  async run({ checkId }, user) {
    await removeBacklogCheck(user, checkId);
    done();
    return "Check removed.";
  },
});

export async function removeBacklogCheckAction(prev: ActionState, form: FormData) {
  return removeCheck(prev, form);
}

const track = safeAction({
  roles: WRITERS,
  schema: findingSchema,
  what: "create backlog items",
  async run(input, user) {
    const key = await backlogFromFinding(user, input);
    done();
    return `created:${key}`;
  },
});

export async function trackFindingAction(prev: ActionState, form: FormData): Promise<ActionState> {
  return redirectWhenDone(await track(prev, form), (id) => `/backlog/${id}`);
}
export async function createBacklogItemAction(
  prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  return redirectWhenDone(await create(prev, form), (id) => `/backlog/${id}`);
}
export async function updateBacklogItemAction(
  prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  return redirectWhenDone(await update(prev, form), (id) => `/backlog/${id}`);
}
export async function transitionBacklogItemAction(prev: ActionState, form: FormData) {
  return transition(prev, form);
}
export async function setBacklogCheckAction(prev: ActionState, form: FormData) {
  return check(prev, form);
}
export async function addBacklogCheckAction(prev: ActionState, form: FormData) {
  return addCheck(prev, form);
}
