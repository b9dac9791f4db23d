"use server";
import { addBacklogCheck, removeBacklogCheck, setBacklogCheck } from "@/lib/backlog/backlog-checks";
import {
  createBacklogItem,
  transitionBacklogItem,
  updateBacklogItem,
} from "@/lib/backlog/backlog-writes";
import { backlogFromFinding } from "@/lib/backlog/from-finding";
import {
  addCheckSchema,
  backlogSchema,
  checkSchema,
  findingSchema,
  removeCheckSchema,
  transitionSchema,
  updateBacklogSchema,
} from "@/lib/backlog/schemas";
import { defineAction } from "./safe-action";

export const createBacklogItemAction = defineAction({
  capability: "backlog.write",
  schema: backlogSchema,
  async run(input, user) {
    const key = await createBacklogItem(user, input);
    return { message: `Created ${key}.`, redirectTo: `/backlog/${key}` };
  },
});

export const updateBacklogItemAction = defineAction({
  capability: "backlog.write",
  schema: updateBacklogSchema,
  async run({ id, ...input }, user) {
    const key = await updateBacklogItem(user, id, input);
    return { message: `Saved ${key}.`, redirectTo: `/backlog/${key}` };
  },
});

export const transitionBacklogItemAction = defineAction({
  capability: "backlog.write",
  schema: transitionSchema,
  run: (input, user) => transitionBacklogItem(user, input),
});

export const setBacklogCheckAction = defineAction({
  capability: "backlog.write",
  schema: checkSchema,
  async run({ checkId, checked }, user) {
    await setBacklogCheck(user, checkId, checked);
    return checked ? "Checked." : "Unchecked.";
  },
});

export const addBacklogCheckAction = defineAction({
  capability: "backlog.write",
  schema: addCheckSchema,
  async run({ itemId, text }, user) {
    await addBacklogCheck(user, itemId, text);
    return "Check added.";
  },
});

export const removeBacklogCheckAction = defineAction({
  capability: "backlog.write",
  schema: removeCheckSchema,
  async run({ checkId }, user) {
    await removeBacklogCheck(user, checkId);
    return "Check removed.";
  },
});

export const trackFindingAction = defineAction({
  capability: "backlog.write",
  schema: findingSchema,
  async run(input, user) {
    const key = await backlogFromFinding(user, input);
    return { message: `Created ${key}.`, redirectTo: `/backlog/${key}` };
  },
});
