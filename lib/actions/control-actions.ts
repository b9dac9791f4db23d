"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { WRITERS } from "@/lib/auth/guard";
import {
  createControl,
  setControlArchived,
  setCriterionControls,
  updateControl,
} from "@/lib/controls/controls";
import { controlSchema } from "@/lib/controls/schemas";
import { CRITERION_ID } from "@/lib/validation/fields";
import { redirectWhenDone, safeAction, type ActionState } from "./safe-action";

const create = safeAction({
  roles: WRITERS,
  schema: controlSchema,
  what: "create controls",
  async run(input, user) {
    const { id } = await createControl(user, input);
    revalidatePath("/", "layout");
    return `created:${id}`;
  },
});

const update = safeAction({
  roles: WRITERS,
  schema: z.intersection(z.object({ id: z.uuid() }), controlSchema),
  what: "edit controls",
  async run({ id, ...input }, user) {
    await updateControl(user, id, input);
    revalidatePath("/", "layout");
    return "Control saved.";
  },
});

const archive = safeAction({
  roles: WRITERS,
  schema: z.object({
    id: z.uuid(),
    archived: z.enum(["true", "false"]).transform((v) => v === "true"),
  }),
  what: "archive controls",
  async run({ id, archived }, user) {
    await setControlArchived(user, id, archived);
    revalidatePath("/", "layout");
    return archived ? "Control archived." : "Control restored.";
  },
});

export async function createControlAction(prev: ActionState, form: FormData): Promise<ActionState> {
  return redirectWhenDone(await create(prev, form), (id) => `/controls/${id}`);
}
export async function updateControlAction(prev: ActionState, form: FormData) {
  return update(prev, form);
}
export async function archiveControlAction(prev: ActionState, form: FormData) {
  return archive(prev, form);
}

const mapCriterion = safeAction({
  roles: WRITERS,
  schema: z.object({
    criterionId: z.string().regex(CRITERION_ID),
    controls: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.uuid())),
  }),
  what: "map controls",
  async run(input, user) {
    await setCriterionControls(user, input.criterionId, input.controls);
    revalidatePath("/", "layout");
    return "Mapping saved.";
  },
});

export async function mapCriterionAction(prev: ActionState, form: FormData) {
  return mapCriterion(prev, form);
}
