"use server";
import {
  createControl,
  setControlArchived,
  setCriterionControls,
  updateControl,
} from "@/lib/controls/controls";
import {
  archiveControlSchema,
  controlSchema,
  criterionMappingSchema,
  updateControlSchema,
} from "@/lib/controls/schemas";
import { defineAction } from "./safe-action";

export const createControlAction = defineAction({
  capability: "controls.write",
  schema: controlSchema,
  async run(input, user) {
    const { id } = await createControl(user, input);
    return { message: "Control created.", redirectTo: `/controls/${id}` };
  },
});

export const updateControlAction = defineAction({
  capability: "controls.write",
  schema: updateControlSchema,
  async run({ id, ...input }, user) {
    await updateControl(user, id, input);
    return "Control saved.";
  },
});

export const archiveControlAction = defineAction({
  capability: "controls.write",
  schema: archiveControlSchema,
  async run({ id, archived }, user) {
    await setControlArchived(user, id, archived);
    return archived ? "Control archived." : "Control restored.";
  },
});

export const mapCriterionAction = defineAction({
  capability: "controls.write",
  schema: criterionMappingSchema,
  async run(input, user) {
    await setCriterionControls(user, input.criterionId, input.controls);
    return "Mapping saved.";
  },
});
